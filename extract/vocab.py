"""Namespaces and the plangraph vocabulary; a misspelt term raises at once (`_fail = True`)."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
ODRL = Namespace("http://www.w3.org/ns/odrl/2/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

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
    extractionWarning: URIRef
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
