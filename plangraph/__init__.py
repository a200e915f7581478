"""plangraph: Vietnamese provincial plans as a linked-data knowledge graph.

The sub-packages are the project's top-level folders (api, extract, data, queries, ontology,
shapes), installed under this one name so that they cannot collide with another project's
packages of the same names.
"""
