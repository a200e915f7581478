"""Facts to an RDF graph for one source document, every fact linked to its evidence span."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from dataclasses import dataclass

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from plangraph.extract import iris
from plangraph.extract.agencies import is_national
from plangraph.extract.facts import Agency, Extraction, TableCell
from plangraph.extract.indicator_kinds import indicator_kind
from plangraph.extract.normalize import CleanText, strip_marks
from plangraph.extract.vocab import DCTERMS, ELI, OA, ORG, PLAN, PROV, SCHEMA

_YEAR = XSD.gYear
# Terms of the evidence written for every fact, looked up once: a namespace attribute costs
# microseconds per access.
_TYPE = RDF.type
_EVIDENCE, _DERIVED_FROM, _HAS_SOURCE = PLAN.evidence, PROV.wasDerivedFrom, OA.hasSource
_START, _END, _EXACT, _OFFSET = OA.start, OA.end, OA.exact, XSD.nonNegativeInteger
_SELECTOR_TYPES = (PLAN.Evidence, OA.TextPositionSelector, OA.TextQuoteSelector)


@dataclass(frozen=True)
class Source:
    """The source file as read: its name, content hash, media type and decoded text."""

    file_name: str
    sha256: str
    media_type: str
    original: str
    path: str = ""  # path relative to the build's root folder; "" means the file name
    converted: bool = False  # the text was read out of another format (PDF, Word, web page, scan)
    ocr_confidence: float | None = None  # mean word confidence (0-1) of a text read by OCR

    @property
    def identity(self) -> str:
        """The document's key: its path and its content (same bytes under two paths are two documents)."""
        return hashlib.sha256(f"{self.path or self.file_name}\n{self.sha256}".encode("utf-8")).hexdigest()


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in (("plan", PLAN._NS), ("eli", ELI), ("org", ORG), ("prov", PROV), ("oa", OA),
                              ("schema", SCHEMA), ("skos", SKOS), ("dcterms", DCTERMS)):
        graph.bind(prefix, namespace)
    return graph


def plan_iri_of(extraction: Extraction) -> URIRef:
    info = extraction.plan
    return iris.plan_iri(info.province, info.type_code, info.year, info.number, info.title, content=info.digest)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def to_graph(extraction: Extraction, clean: CleanText, source: Source) -> tuple[URIRef, Graph]:
    """(named graph IRI, graph) for one source text; the graph IRI is the source's IRI."""
    doc, triples = to_triples(extraction, clean, source)
    return doc, graph_of(triples)


def to_triples(extraction: Extraction, clean: CleanText, source: Source) -> tuple[URIRef, list[Triple]]:
    """(named graph IRI, the graph's triples) for one source text, without building the graph: a
    build writes them straight to N-Quads. A triple may appear more than once."""
    return _Writer(extraction, clean, source).write()


def graph_of(triples: Iterable[Triple]) -> Graph:
    """The rdflib graph of a text's triples."""
    # a graph without contexts: the context-aware default store takes twice as long per triple,
    # and the terms were all made here, so the store is filled without Graph.add's checks
    graph = bind_prefixes(Graph(store="SimpleMemory"))
    store = graph.store
    for triple in triples:
        store.add(triple, graph)
    return graph


class _Writer:
    def __init__(self, extraction: Extraction, clean: CleanText, source: Source) -> None:
        self.x = extraction
        self.clean = clean
        self.source = source
        self.plan = plan_iri_of(extraction)
        self.doc = iris.source_iri(self.plan, source.identity)
        self.province = extraction.plan.province
        self.triples: list[Triple] = []
        self.agencies: dict[Agency, URIRef] = {}
        self.agency_nodes: set[URIRef] = set()  # nodes written, whatever spelling named them
        self.agency_iris: dict[str, URIRef] = {}  # name → node
        self.spellings = self._most_written()  # node → the spelling its tasks name it by most often
        self.classified: set[URIRef] = set()  # nodes given their agency kind
        self.literals: dict[tuple[type, str, str | None, URIRef | None], Literal] = {}
        self.evidenced: set[URIRef] = set()
        self.table_numbers = {start: k for k, start in enumerate(extraction.table_starts, start=1)}

    def write(self) -> tuple[URIRef, list[Triple]]:
        self._plan()
        self._sections()
        self._citations()
        self._tasks()
        self._indicators()
        self._deadlines()
        self._budget()
        return self.doc, self.triples

    # ------------------------------------------------------------------ helpers
    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples.append((s, p, o))

    def evidence(self, fact: URIRef, start: int, end: int, cell: TableCell | None = None) -> None:
        """A selector node quoting the original text between the mapped offsets; for a fact read
        in a table, also the table's number and the cell's row and column (each from 1)."""
        begin, finish = self.clean.original_span(start, end)
        node = URIRef(f"{fact}/evidence/{self.source.sha256[:16]}")
        if fact in self.evidenced:
            # a text that numbers two parts alike gives one section node two spans
            node = URIRef(f"{node}-{begin}")
        self.evidenced.add(fact)
        doc = self.doc
        self.triples += (
            (fact, _EVIDENCE, node), (fact, _DERIVED_FROM, doc),
            *((node, _TYPE, kind) for kind in _SELECTOR_TYPES),
            (node, _HAS_SOURCE, doc),
            (node, _START, self.literal(begin, datatype=_OFFSET)),
            (node, _END, self.literal(finish, datatype=_OFFSET)),
            (node, _EXACT, self.literal(self.source.original[begin:finish])))
        if cell is not None:
            number = self.table_numbers.get(cell.table)
            if number is not None:
                self.triples.append((node, PLAN.tableNumber, self.literal(number, datatype=XSD.positiveInteger)))
            self.triples += (
                (node, PLAN.tableRow, self.literal(cell.row + 1, datatype=XSD.positiveInteger)),
                (node, PLAN.tableColumn, self.literal(cell.column + 1, datatype=XSD.positiveInteger)))

    def literal(self, value: object, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
        """A literal, made once per text: units, years, labels and quotes repeat, and each rdflib
        Literal parses and checks its value. Keyed by the value's type and text (1 is not True,
        Decimal 1.0 is not 1.00)."""
        key = (type(value), value if isinstance(value, str) else repr(value), lang, datatype)
        made = self.literals.get(key)
        if made is None:
            made = self.literals[key] = Literal(value, lang=lang, datatype=datatype)
        return made

    def label(self, node: URIRef, text: str) -> None:
        self.add(node, RDFS.label, self.literal(text, lang="vi"))
        self.add(node, PLAN.searchKey, self.literal(" ".join(strip_marks(text).split())))

    def _agency_iri(self, name: str) -> URIRef:
        node = self.agency_iris.get(name)
        if node is None:
            node = self.agency_iris[name] = iris.agency_iri(None if is_national(name) else self.province, name)
        return node

    def _most_written(self) -> dict[URIRef, str]:
        """The spelling the tasks name each node by most often (of spellings as frequent, the
        first): "Ủy ban nhân dân xã, phường, đặc khu" on every row of a table, "… phường, xã, đặc
        khu" once in the body."""
        counts: dict[URIRef, Counter[str]] = {}
        for task in self.x.tasks:
            for agency in (*task.leads, *task.coordinators):
                counts.setdefault(self._agency_iri(agency.name), Counter())[agency.name] += 1
        return {node: names.most_common(1)[0][0] for node, names in counts.items()}

    def agency(self, agency: Agency) -> URIRef:
        """The agency's node; its triples are written at its first mention only, with the spelling
        the plan names it by most often ("Sở Lao động - Thương binh …", "Sở Lao động, Thương binh …"
        name one node, which keeps one label)."""
        known = self.agencies.get(agency)
        if known is not None:
            return known
        node = self.agencies[agency] = self._agency_iri(agency.name)
        if node in self.agency_nodes:
            if agency.kind and node not in self.classified:  # a later spelling that says its kind
                self.classified.add(node)
                self.add(node, ORG.classification, iris.agency_kind_iri(agency.kind))
            return node
        self.agency_nodes.add(node)
        self.add(node, RDF.type, ORG.Organization)
        if agency.vague:
            self.add(node, RDF.type, PLAN.AgencyGroup)
        name = self.spellings.get(node, agency.name)
        self.label(node, name)
        self.add(node, SKOS.prefLabel, self.literal(name, lang="vi"))
        if agency.kind:
            self.classified.add(node)
            self.add(node, ORG.classification, iris.agency_kind_iri(agency.kind))
        if self.province and not is_national(agency.name):
            self.add(node, PLAN.province, iris.province_iri(self.province))
        return node

    # ------------------------------------------------------------------ parts
    def _plan(self) -> None:
        info = self.x.plan
        plan, doc = self.plan, self.doc
        self.add(plan, RDF.type, ELI.LegalResource)
        self.add(plan, PLAN.documentType, iris.doc_type_iri(info.type_code))
        self.add(plan, ELI.type_document, iris.doc_type_iri(info.type_code))
        if info.number:
            self.add(plan, ELI.id_local, self.literal(info.number))
        if info.issued:
            self.add(plan, ELI.date_document, self.literal(info.issued, datatype=XSD.date))
        if info.year:
            self.add(plan, PLAN.yearOfIssue, self.literal(str(info.year), datatype=_YEAR))
        if info.title:
            self.add(plan, ELI.title, self.literal(info.title, lang="vi"))
            self.label(plan, info.title)
        if info.province:
            province = iris.province_iri(info.province)
            self.add(plan, ELI.jurisdiction, province)  # its type and names are in the reference graph, once
        if info.issuer:
            issuer = self.agency(Agency(info.issuer, "provincial-peoples-committee"))
            self.add(plan, ELI.passed_by, issuer)
        self.add(plan, PLAN.signerName, self.literal(info.signer_name) if info.signer_name else None)
        self.add(plan, PLAN.signerPosition, self.literal(info.signer_position, lang="vi") if info.signer_position else None)
        for term, value in ((PLAN.periodStart, info.period_start), (PLAN.periodEnd, info.period_end),
                            (PLAN.horizon, info.horizon)):
            if value:
                self.add(plan, term, self.literal(str(value), datatype=_YEAR))
        for law in info.laws:
            self.add(plan, PLAN.lawCited, self.literal(law, lang="vi"))
        self.add(doc, RDF.type, ELI.LegalExpression)
        self.add(doc, ELI.realizes, plan)
        self.add(doc, PLAN.fileName, self.literal(self.source.file_name))
        self.add(doc, PLAN.sourcePath, self.literal(self.source.path or self.source.file_name))
        self.add(doc, PLAN.sha256, self.literal(self.source.sha256))
        self.add(doc, DCTERMS["format"], self.literal(self.source.media_type))
        if self.source.converted:  # the text the evidence quotes is not the file itself
            self.add(doc, PLAN.extractedText, Literal(self.source.original))
        else:  # kept whole so that a page can show each fact's span where it stands
            self.add(doc, PLAN.sourceText, Literal(self.source.original))
        if self.source.ocr_confidence is not None:
            self.add(doc, PLAN.ocrConfidence, Literal(Decimal(f"{self.source.ocr_confidence:.3f}"), datatype=XSD.decimal))
        for warning in self.x.warnings:
            self.add(doc, PLAN.extractionWarning, self.literal(warning, lang="en"))
        if info.title_span:
            self.evidence(plan, *info.title_span)

    def _sections(self) -> None:
        for section in self.x.sections:
            node = iris.part_iri(self.plan, "section", section.path)
            self.add(node, RDF.type, ELI.LegalResourceSubdivision)
            self.add(node, ELI.is_part_of, self.plan)
            self.add(self.plan, PLAN.hasSection, node)
            self.add(node, PLAN.sectionPath, self.literal(section.path))
            self.add(node, ELI.title, self.literal(section.title, lang="vi"))
            self.evidence(node, section.start, section.end)

    def _citations(self) -> None:
        for citation in self.x.plan.citations:
            node = iris.part_iri(self.plan, "citation", iris.slug(citation.number))
            cited = iris.document_iri(citation.number)
            self.add(self.plan, PLAN.hasCitation, node)
            self.add(node, RDF.type, PLAN.Citation)
            self.add(node, PLAN.citedDocument, cited)
            self.add(node, PLAN.citedNumber, self.literal(citation.number))
            self.add(node, PLAN.relation, self.literal(citation.relation))
            relation = ELI.ensures_implementation_of if citation.relation == "implements" else ELI.cites
            self.add(self.plan, relation, cited)
            self.add(cited, RDF.type, ELI.LegalResource)
            self.add(cited, ELI.id_local, self.literal(citation.number))
            if citation.doc_type:
                self.add(cited, ELI.type_document, self.literal(citation.doc_type, lang="vi"))
            if citation.date:
                self.add(cited, ELI.date_document, self.literal(citation.date, datatype=XSD.date))
            if citation.issuer:
                self.add(cited, ELI.passed_by, self.agency(Agency(citation.issuer, None)))
            self.evidence(node, citation.start, citation.end)

    def _tasks(self) -> None:
        for task in self.x.tasks:
            node = iris.part_iri(self.plan, "task", f"{task.section}-{task.ordinal}")
            self.add(self.plan, PLAN.hasTask, node)
            self.add(node, RDF.type, PLAN.Task)
            self.add(node, PLAN.taskText, self.literal(task.text, lang="vi"))
            self.add(node, PLAN.inSection, iris.part_iri(self.plan, "section", task.section))
            self.add(node, PLAN.ordinal, self.literal(task.ordinal))
            for agency in task.leads:
                self.add(node, PLAN.leadAgency, self.agency(agency))
            for agency in task.coordinators:
                self.add(node, PLAN.coordinatingAgency, self.agency(agency))
            if task.recurrence in _FREQUENCIES:
                self.add(node, SCHEMA.repeatFrequency, self.literal(_FREQUENCIES[task.recurrence], datatype=XSD.duration))
                self.add(node, PLAN.recurrence, self.literal(task.recurrence))
            if task.due:
                self.add(node, *_due(task.due))
            self.evidence(node, task.start, task.end, task.cell)

    def _indicators(self) -> None:
        for item in self.x.indicators:
            key = f"{item.section}-{item.ordinal}"
            node = iris.part_iri(self.plan, "indicator", key)
            target = iris.part_iri(self.plan, "target", key)
            self.add(self.plan, PLAN.hasIndicator, node)
            self.add(node, RDF.type, PLAN.Indicator)
            self.add(node, PLAN.subjectText, self.literal(item.subject, lang="vi"))
            kind = indicator_kind(item.subject)
            if kind:
                self.add(node, PLAN.indicatorKind, iris.indicator_kind_iri(kind))
            self.add(node, PLAN.inSection, iris.part_iri(self.plan, "section", item.section))
            self.add(node, PLAN.hasTarget, target)
            self.add(target, RDF.type, PLAN.Target)
            self.add(target, RDF.type, SCHEMA.QuantitativeValue)
            self.add(target, SCHEMA.value, self.literal(item.value, datatype=XSD.decimal))
            if item.value_max is not None:
                self.add(target, SCHEMA.minValue, self.literal(item.value, datatype=XSD.decimal))
                self.add(target, SCHEMA.maxValue, self.literal(item.value_max, datatype=XSD.decimal))
            self.add(target, SCHEMA.unitText, self.literal(item.unit))
            if item.year:
                self.add(target, PLAN.targetYear, self.literal(str(item.year), datatype=_YEAR))
            if item.comparator:
                self.add(target, PLAN.comparator, self.literal(item.comparator))
            self.evidence(node, item.start, item.end, item.cell)

    def _deadlines(self) -> None:
        for item in self.x.deadlines:
            node = iris.part_iri(self.plan, "deadline", f"{item.section}-{item.ordinal}")
            self.add(self.plan, PLAN.hasDeadline, node)
            self.add(node, RDF.type, PLAN.Deadline)
            self.add(node, PLAN.what, self.literal(item.what, lang="vi"))
            self.add(node, *_due(item.date))
            self.add(node, PLAN.inSection, iris.part_iri(self.plan, "section", item.section))
            if item.recurrence in _FREQUENCIES:
                self.add(node, SCHEMA.repeatFrequency, self.literal(_FREQUENCIES[item.recurrence], datatype=XSD.duration))
                self.add(node, PLAN.recurrence, self.literal(item.recurrence))
            for agency in item.who:
                self.add(node, PLAN.responsibleAgency, self.agency(agency))
            if item.to:
                self.add(node, PLAN.reportsTo, self.agency(item.to))
            self.evidence(node, item.start, item.end)

    def _budget(self) -> None:
        totals: dict[str, URIRef] = {}
        for item in self.x.budget:
            node = iris.part_iri(self.plan, "budget", f"{item.section}-{item.ordinal}")
            self.add(self.plan, PLAN.hasBudgetItem, node)
            self.add(node, RDF.type, PLAN.BudgetItem)
            self.add(node, RDFS.label, self.literal(item.label, lang="vi"))
            self.add(node, PLAN.amount, self.literal(item.amount, datatype=XSD.decimal))
            self.add(node, SCHEMA.unitText, self.literal(item.unit))
            if item.period:
                self.add(node, PLAN.period, self.literal(item.period))
            self.add(node, PLAN.isTotal, self.literal(item.is_total))
            if item.parts_add_up is not None:
                self.add(node, PLAN.partsAddUp, self.literal(item.parts_add_up))
            if item.is_total:
                totals[item.section] = node
            elif item.section in totals:
                self.add(node, PLAN.partOf, totals[item.section])
            self.evidence(node, item.start, item.end, item.cell)


_FREQUENCIES = {"annual": "P1Y", "quarterly": "P3M", "monthly": "P1M", "daily": "P1D"}


def _due(value: str) -> tuple[URIRef, Literal]:
    """A due date as the right typed literal: gYear, gYearMonth, gMonthDay, gDay or date."""
    if value.startswith("---"):
        return PLAN.dueDate, Literal(value, datatype=XSD.gDay)
    if value.startswith("--"):
        return PLAN.dueDate, Literal(value, datatype=XSD.gMonthDay)
    if len(value) == 4:
        return PLAN.dueYear, Literal(value, datatype=_YEAR)
    if len(value) == 7:
        return PLAN.dueDate, Literal(value, datatype=XSD.gYearMonth)
    return PLAN.dueDate, Literal(value, datatype=XSD.date)
