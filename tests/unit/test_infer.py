"""Inference adds the entailments queries rely on, to a copy, and nothing else."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef

from plangraph.extract.infer import entailed, infer, refresh, rules_for
from plangraph.extract.schemas import ontology_graph
from plangraph.extract.vocab import ODRL, ORG, PLAN

DATA = """
@prefix plan: <https://w3id.org/plangraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
<urn:task> a plan:Task ; plan:leadAgency <urn:group> ; plan:coordinatingAgency <urn:dept> .
<urn:group> a plan:AgencyGroup ; org:subOrganizationOf <urn:dept> .
<urn:dept> org:subOrganizationOf <urn:committee> .
"""


def _data() -> Graph:
    return Graph().parse(data=DATA, format="turtle")


def test_infer_returns_only_new_triples_and_leaves_input_alone() -> None:
    data = _data()
    before = len(data)
    new = infer(data, ontology_graph())
    assert len(data) == before
    assert not set(new) & set(data)


def test_infer_subproperties_inverses_classes_and_organisation_hierarchy() -> None:
    new = infer(_data(), ontology_graph())
    task, group, dept = URIRef("urn:task"), URIRef("urn:group"), URIRef("urn:dept")
    assert (task, PLAN.responsibleAgency, group) in new
    assert (task, PLAN.responsibleAgency, dept) in new
    assert (group, PLAN.leads, task) in new
    assert (dept, PLAN.coordinates, task) in new
    assert (group, PLAN.responsibleFor, task) in new
    assert (task, RDF.type, ODRL.Duty) in new
    assert (group, RDF.type, ORG.Organization) in new
    assert (group, ORG.transitiveSubOrganizationOf, URIRef("urn:committee")) in new
    assert (URIRef("urn:committee"), ORG.hasSubOrganization, dept) in new


def test_infer_refresh_is_idempotent() -> None:
    db = ox.Store()
    db.load(_data().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
            to_graph=ox.NamedNode("urn:plan"))
    rules = rules_for(ontology_graph())
    first = refresh(db, rules, URIRef("urn:inferred"))
    size = len(db)
    assert refresh(db, rules, URIRef("urn:inferred")) == first
    assert len(db) == size


def test_issue4_closure_leaves_rdflib_literal_parsing_alone() -> None:
    from rdflib import XSD, Literal

    from plangraph.extract.infer import closure

    closure(ontology_graph())
    assert not Literal("--12-20", datatype=XSD.gMonthDay).ill_typed


def test_infer_entailed_in_python_equals_the_sparql_rules() -> None:
    data = _data()
    assert entailed(set(data), rules_for(ontology_graph())) == set(infer(data, ontology_graph()))


def test_infer_entailed_joins_transitive_chains_in_any_order() -> None:
    chain = [(URIRef(f"urn:o{i}"), ORG.transitiveSubOrganizationOf, URIRef(f"urn:o{i + 1}")) for i in range(5)]
    found = entailed(list(reversed(chain)), rules_for(ontology_graph()))
    assert (URIRef("urn:o0"), ORG.transitiveSubOrganizationOf, URIRef("urn:o5")) in found
    assert not set(chain) & found


def test_infer_stated_rules_are_those_of_the_owl_rl_closure() -> None:
    from plangraph.extract.infer import rules_from, stated_rules

    ontology = ontology_graph()
    assert stated_rules(ontology) == rules_from(ontology)


def test_infer_stated_rules_leave_other_owl_to_owlrl() -> None:
    from plangraph.extract.infer import stated_rules

    extra = Graph().parse(data="@prefix owl: <http://www.w3.org/2002/07/owl#> . <urn:a> owl:equivalentClass <urn:b> .",
                          format="turtle")
    assert stated_rules(ontology_graph() + extra) is None
