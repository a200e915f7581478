"""Namespaces and the plangraph vocabulary; a misspelt term raises at once (`_fail = True`)."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace



class _Namespace(Namespace):
    """A namespace that makes each term once: rdflib's makes a new URIRef at every attribute
    access, and a graph of thousands of triples looks its terms up for every one of them."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


ELI = _Namespace("http://data.europa.eu/eli/ontology#")
ORG = _Namespace("http://www.w3.org/ns/org#")
PROV = _Namespace("http://www.w3.org/ns/prov#")
OA = _Namespace("http://www.w3.org/ns/oa#")
SCHEMA = _Namespace("https://schema.org/")
TIME = _Namespace("http://www.w3.org/2006/time#")
ODRL = _Namespace("http://www.w3.org/ns/odrl/2/")
DCAT = _Namespace("http://www.w3.org/ns/dcat#")
VOID = _Namespace("http://rdfs.org/ns/void#")
DCTERMS = _Namespace("http://purl.org/dc/terms/")

PLAN_NS = "https://w3id.org/plangraph/ontology#"


class PLAN(DefinedNamespace):
    """plangraph's own terms (ontology/plan.ttl declares each of them)."""

    _NS = Namespace(PLAN_NS)
    _fail = True

    # classes
    Task: URIRef
    Indicator: URIRef
    Target: URIRef
    Deadline: URIRef
    BudgetItem: URIRef
    Citation: URIRef
    Evidence: URIRef
    AgencyGroup: URIRef
    Province: URIRef

    # plan and source
    hasTask: URIRef
    hasIndicator: URIRef
    hasDeadline: URIRef
    hasBudgetItem: URIRef
    hasCitation: URIRef
    hasSection: URIRef
    yearOfIssue: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    horizon: URIRef
    signerName: URIRef
    signerPosition: URIRef
    documentType: URIRef
    fileName: URIRef
    sourcePath: URIRef
    sourceLocation: URIRef
    sha256: URIRef
    sourceText: URIRef
    extractionWarning: URIRef
    extractedText: URIRef
    ocrConfidence: URIRef
    sectionPath: URIRef
    lawCited: URIRef

    # tasks and roles
    responsibleAgency: URIRef
    leadAgency: URIRef
    coordinatingAgency: URIRef
    responsibleFor: URIRef
    leads: URIRef
    coordinates: URIRef
    taskText: URIRef
    inSection: URIRef
    ordinal: URIRef
    dueYear: URIRef
    dueDate: URIRef
    recurrence: URIRef
    searchKey: URIRef
    province: URIRef
    isVague: URIRef

    # indicators
    subjectText: URIRef
    indicatorKind: URIRef
    hasTarget: URIRef
    targetYear: URIRef
    comparator: URIRef

    # deadlines
    what: URIRef
    reportsTo: URIRef

    # budget
    amount: URIRef
    period: URIRef
    isTotal: URIRef
    partOf: URIRef
    partsAddUp: URIRef

    # citations
    citedDocument: URIRef
    relation: URIRef
    citedNumber: URIRef

    # evidence
    evidence: URIRef
    tableNumber: URIRef
    tableRow: URIRef
    tableColumn: URIRef


# Each declared term as a plain class attribute: found without the namespace's look-up machinery
# (a term that is not declared still raises).
for _term in PLAN.__annotations__:
    setattr(PLAN, _term, PLAN._NS[_term])
