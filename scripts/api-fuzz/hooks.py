"""Schemathesis hooks for ./scripts/test-api-fuzz.sh.

A bounding box is four coordinates that the OpenAPI document types with a pattern; that its minimum
does not exceed its maximum no schema can say, so the fuzzer's boxes are put in order here (the
server refuses a reversed box with 400, as it should).
"""

import schemathesis


def _ordered_bbox(value):
    try:
        a, b, c, d = (float(x) for x in value.split(","))
    except (ValueError, AttributeError):
        return value
    return ",".join(repr(v) for v in (min(a, c), min(b, d), max(a, c), max(b, d)))


@schemathesis.hook
def map_query(context, query):
    if query and "bbox" in query:
        query["bbox"] = _ordered_bbox(query["bbox"])
    return query
