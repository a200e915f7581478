"""Pipeline errors keep their location and message across process boundaries."""
from __future__ import annotations

import pickle

import pytest

from plangraph.extract.errors import InputError, PatternFileError, PipelineError, QueryError, StoreError


@pytest.mark.parametrize("kind", [PipelineError, InputError, PatternFileError, StoreError, QueryError])
def test_errors_pickle_round_trip(kind: type[PipelineError]) -> None:
    error = kind("plans/scan.txt", "this is a PNG image, not plan text")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is kind
    assert (copy.location, copy.message, str(copy)) == (error.location, error.message, str(error))
