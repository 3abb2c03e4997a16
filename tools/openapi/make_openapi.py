#!/usr/bin/env python3
"""Writes Sources/PamyatHTTP/Public/openapi.json, the OpenAPI 3.1 description of pamyat's HTTP API.

Edit this file, run `python3 tools/openapi/make_openapi.py`, commit both. OpenAPIRouteTests checks the
result against the routes the server registers, in both directions.
"""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def q(name, desc, required=False, schema=None):
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": schema or {"type": "string"}}
def p(name, desc):
    return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}
def json_body(schema, desc=None):
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    if desc: body["description"] = desc
    return body
def ok(schema, desc="OK", media="application/json"):
    return {"description": desc, "content": {media: {"schema": schema}}}
ERR = {"description": "An error: see the code (docs/HTTP.md, Errors)", "content": {"application/json": {"schema": ref("Error")}}}
def errors(*codes):
    return {str(c): ERR for c in codes}
def op(summary, responses, params=None, body=None, tags=None, security=True):
    o = {"summary": summary, "responses": responses}
    if params: o["parameters"] = params
    if body: o["requestBody"] = body
    if tags: o["tags"] = tags
    if not security: o["security"] = []
    return o

lang = {"type": "string", "description": "A BCP 47 language tag: ru, en, en-GB, be, kk"}
paths = {
  "/api/v1/hello": {"get": op("The server, its memories and languages (the protocol's HELLO)", {"200": ok(ref("Hello")), **errors(401)}, tags=["protocol"])},
  "/api/v1/stats": {"get": op("Units per language pair and the index's catch-up lag (STATS)", {"200": ok(ref("Stats")), **errors(401, 503)}, tags=["protocol"])},
  "/api/v1/lookup": {
    "get": op("Fuzzy matches of one sentence (LOOKUP)", {"200": ok(ref("Matches")), **errors(400, 401, 404)}, tags=["protocol"], params=[
      q("q", "The sentence to look up", True), q("from", "Its language", True), q("to", "The language of the translations", True),
      q("min", "The lowest score, 0–100 (default 70)", schema={"type": "integer", "minimum": 0, "maximum": 100}),
      q("limit", "The most matches, 1–100 (default 5)", schema={"type": "integer", "minimum": 1, "maximum": 100}),
      q("memory", "Look up in this served memory only"), q("previous", "The sentence before q, for context (101) matches"),
      q("similar", "1: similar words get partial credit (slow)", schema={"type": "integer", "enum": [0, 1]})]),
    "post": op("Fuzzy matches of many sentences in one request", {"200": ok(ref("BatchMatches")), **errors(400, 401, 404, 413)}, tags=["protocol"],
      body=json_body(ref("BatchLookup")))},
  "/api/v1/concordance": {"get": op("Units containing a word or phrase (CONCORDANCE)", {"200": ok(ref("Hits")), **errors(400, 401, 404)}, tags=["protocol"], params=[
      q("q", "The text to find (case-insensitive substring)", True), q("lang", "The language searched", True),
      q("to", "Also return the variant in this language"), q("limit", "1–1000 (default 20)", schema={"type": "integer"}), q("memory", "One served memory")])},
  "/api/v1/segment": {"post": op("The sentences of a text (SEGMENT)", {"200": ok(ref("Sentences")), **errors(400, 401, 413)}, tags=["protocol"],
      body=json_body({"type": "object", "required": ["lang", "text"], "properties": {"lang": lang, "text": {"type": "string"}}}))},
  "/api/v1/analyze": {"post": op("Match bands of a new document against the memories (ANALYZE; pamyat analyze --json)", {"200": ok(ref("Analysis")), **errors(400, 401, 404, 413)}, tags=["protocol"],
      body=json_body(ref("Document")))},
  "/api/v1/pretranslate": {"post": op("The document filled in from the memories (PRETRANSLATE): XLIFF 1.2, XLIFF 2.1 or a text draft", {
      "200": {"description": "The document", "content": {"application/xliff+xml": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
      **errors(400, 401, 404, 413)}, tags=["protocol"], body=json_body(ref("Document")))},
  "/api/v1/align": {"post": op("Align two documents: beads with their confidence, and the sentences left unmatched; nothing is stored", {
      "200": ok(ref("Alignment")), **errors(400, 401, 404, 413, 422)}, tags=["documents"], body=json_body(ref("AlignRequest")))},
  "/api/v1/add": {"post": op("Store translation pairs (e.g. reviewed beads) in one transaction", {
      "200": ok(ref("AddResult")), **errors(400, 401, 403, 404, 413, 503, 507)}, tags=["documents"], body=json_body(ref("AddRequest")))},
  "/api/v1/export": {"get": op("The memory as TMX 1.4b, streamed", {
      "200": {"description": "TMX 1.4b", "content": {"application/x-tmx+xml": {"schema": {"type": "string"}}}}, **errors(400, 401, 404, 503)},
      tags=["tmx"], params=[q("from", "With to: units with both languages, only those variants"), q("to", "See from"),
                            q("memory", "The served memory (default the first)"), q("doc", "Only units of this document")])},
  "/api/v1/import": {"post": op("Import a TMX file (the request body), in one transaction", {
      "200": ok(ref("ImportResult")), **errors(400, 401, 403, 404, 413, 422, 503, 507)}, tags=["tmx"],
      params=[q("memory", "The served memory (default the first)")],
      body={"required": True, "content": {"application/x-tmx+xml": {"schema": {"type": "string"}}, "application/octet-stream": {"schema": {"type": "string"}}}})},
  "/api/v1/session": {"get": op("How this request was let in, and the session's CSRF token", {"200": ok(ref("Session")), **errors(401)}, tags=["auth"])},
  "/login": {"post": op("Log in with the server's token: sets the session cookie", {
      "200": ok({"type": "object", "properties": {"csrfToken": {"type": "string"}, "authRequired": {"type": "boolean"}}}),
      "303": {"description": "Logged in; redirected to next"}, **errors(401, 413)}, tags=["auth"], security=False,
      body={"required": True, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}, "next": {"type": "string"}}}}}})},
  "/logout": {"post": op("End the session and clear its cookies", {"204": {"description": "Logged out"}}, tags=["auth"], security=False)},
  "/openapi.json": {"get": op("This document", {"200": ok({"type": "object"})}, security=False)},
  "/metrics": {"get": op("Metrics in Prometheus' text format", {"200": ok({"type": "string"}, media="text/plain"), **errors(401)}, tags=["operations"])},
  "/static/{path}": {"get": op("A file shipped with the server (the web page's scripts and styles)", {"200": {"description": "The file"}, **errors(404)}, security=False,
      params=[p("path", "The file's path under static/")])},
  "/tmserver/languages/": {"get": op("tmserver/amaGama: the languages served", {"200": ok(ref("TMServerLanguages")), **errors(401)}, tags=["tmserver"])},
  "/tmserver/{source}/{target}/unit/{text}": {"get": op("tmserver/amaGama: matches of a text, best first", {
      "200": ok({"type": "array", "items": ref("TMServerUnit")}), **errors(400, 401, 404)}, tags=["tmserver"], params=[
      p("source", "Source language, lower-case with _ (pt_br)"), p("target", "Target language"), p("text", "The text, percent-encoded, at most 500 characters"),
      q("min_similarity", "The lowest quality, 0–100 (default 70)", schema={"type": "number"}),
      q("max_candidates", "The most results, 1–100 (default 5)", schema={"type": "number"})])},
}
obj = lambda req, props: {"type": "object", "required": req, "properties": props}
schemas = {
  "Error": obj(["error"], {"error": obj(["code", "message"], {"code": {"type": "string", "description": "The protocol's code (bad-request, bad-language, unauthorized, read-only, not-found, storage, internal …) or the API's (too-large, forbidden, bad-tmx, not-translations, no-route)"}, "message": {"type": "string"}})}),
  "Hello": obj(["server", "version", "memories", "languages"], {"server": {"type": "string"}, "version": {"type": "string"}, "protocol": {"type": "integer"}, "memories": {"type": "array", "items": {"type": "string"}}, "languages": {"type": "array", "items": {"type": "string"}}, "authRequired": {"type": "boolean"}, "readOnly": {"type": "boolean"}}),
  "Stats": obj(["units", "pairs"], {"units": {"type": "integer"}, "pairs": {"type": "object", "additionalProperties": {"type": "integer"}}, "indexBehind": {"type": "integer"}, "indexCatchingUp": {"type": "boolean"}}),
  "Match": obj(["score", "source", "target"], {"score": {"type": "integer"}, "source": {"type": "string"}, "target": {"type": "string"}, "storedTarget": {"type": "string"}, "adapted": {"type": "boolean"}, "unit": {"type": "integer"}, "memory": {"type": "string"}, "document": {"type": "string"}, "date": {"type": "string"}, "diff": {"type": "array", "items": {"type": "object"}}, "flags": {"type": "array", "items": {"type": "string"}}, "from": {"type": "string"}, "to": {"type": "string"}, "translations": {"type": "integer"}, "penalty": {"type": "integer"}}),
  "Matches": obj(["matches"], {"matches": {"type": "array", "items": ref("Match")}}),
  "BatchLookup": obj(["from", "to", "queries"], {"from": lang, "to": lang, "min": {"type": "integer"}, "limit": {"type": "integer"}, "memory": {"type": "string"}, "similar": {"type": "boolean"}, "queries": {"type": "array", "maxItems": 1000, "items": obj(["q"], {"q": {"type": "string"}, "previous": {"type": "string"}})}}),
  "BatchMatches": obj(["results"], {"results": {"type": "array", "items": ref("Matches")}}),
  "Hits": obj(["hits"], {"hits": {"type": "array", "items": {"type": "object"}}}),
  "Sentences": obj(["sentences"], {"sentences": {"type": "array", "items": {"type": "string"}}}),
  "Document": obj(["from", "to", "document"], {"from": lang, "to": lang, "document": {"type": "string", "description": "The whole document, \\n between paragraphs; text or HTML"}, "input": {"type": "string", "enum": ["text", "html"]}, "memory": {"type": "string"}, "bands": {"type": "string", "description": "analyze: e.g. 100,95,85,75,50"}, "min": {"type": "integer", "description": "pretranslate: the lowest score used (default 75)"}, "format": {"type": "string", "enum": ["xliff", "xliff2", "text"], "description": "pretranslate"}}),
  "Analysis": obj(["analysis"], {"analysis": {"type": "object"}}),
  "AlignRequest": obj(["original", "translation", "from", "to"], {"original": {"type": "string"}, "translation": {"type": "string"}, "from": lang, "to": lang, "input": {"type": "string", "enum": ["text", "html"]}, "minConfidence": {"type": "number", "minimum": 0, "maximum": 1}, "force": {"type": "boolean"}, "memory": {"type": "string", "description": "Use this served memory's learned lexicon"}}),
  "Bead": obj(["kind", "score", "low", "source", "target"], {"kind": {"type": "string", "description": "1-1, 2-1, 1-2, 1-0, 0-1 …"}, "score": {"type": "number"}, "low": {"type": "boolean"}, "source": {"type": "string"}, "target": {"type": "string"}, "sourceSentences": {"type": "array", "items": {"type": "integer"}}, "targetSentences": {"type": "array", "items": {"type": "integer"}}, "evidence": {"type": "object"}}),
  "Alignment": obj(["pairs", "unmatched"], {"source": {"type": "object"}, "target": {"type": "object"}, "mode": {"type": "string"}, "pairs": {"type": "array", "items": ref("Bead")}, "unmatched": {"type": "array", "items": ref("Bead")}, "paragraphBeads": {"type": "array", "items": {"type": "string"}}}),
  "AddRequest": obj(["from", "to", "pairs"], {"from": lang, "to": lang, "memory": {"type": "string"}, "document": {"type": "string"}, "title": {"type": "string"}, "date": {"type": "string"}, "pairs": {"type": "array", "items": obj(["source", "target"], {"source": {"type": "string"}, "target": {"type": "string"}, "document": {"type": "string"}, "title": {"type": "string"}, "date": {"type": "string"}, "position": {"type": "string"}})}}),
  "AddResult": obj(["units", "created", "alreadyPresent", "memory"], {"units": {"type": "array", "items": {"type": "integer"}}, "created": {"type": "integer"}, "alreadyPresent": {"type": "integer"}, "memory": {"type": "string"}}),
  "ImportResult": obj(["memory", "units", "created", "updated", "unchanged"], {"memory": {"type": "string"}, "units": {"type": "integer"}, "created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"}, "languages": {"type": "object", "additionalProperties": {"type": "integer"}}, "problems": {"type": "array", "items": {"type": "string"}}, "moreProblems": {"type": "integer"}}),
  "Session": obj(["authRequired", "via"], {"authRequired": {"type": "boolean"}, "via": {"type": "string", "enum": ["open", "bearer", "session", "none"]}, "csrfToken": {"type": "string"}}),
  "TMServerLanguages": obj(["sourceLanguages", "targetLanguages"], {"sourceLanguages": {"type": "array", "items": {"type": "string"}}, "targetLanguages": {"type": "array", "items": {"type": "string"}}}),
  "TMServerUnit": obj(["source", "target", "quality", "rank"], {"source": {"type": "string"}, "target": {"type": "string"}, "quality": {"type": "integer", "minimum": 0, "maximum": 100}, "rank": {"type": "integer"}}),
}
doc = {
  "openapi": "3.1.0",
  "info": {"title": "pamyat HTTP API", "version": "1", "description": "Translation-memory lookups, concordance, alignment, additions and TMX over HTTP; the same answers and error codes as the line protocol (docs/PROTOCOL.md). See docs/HTTP.md."},
  "servers": [{"url": "http://127.0.0.1:7342"}],
  "security": [{"bearer": []}, {"session": []}],
  "paths": paths,
  "components": {"schemas": schemas, "securitySchemes": {
    "bearer": {"type": "http", "scheme": "bearer", "description": "The token of --token-file"},
    "session": {"type": "apiKey", "in": "cookie", "name": "pamyat_session", "description": "Set by POST /login; unsafe requests also need X-CSRF-Token"}}},
}
out = pathlib.Path(__file__).resolve().parents[2] / "Sources/PamyatHTTP/Public/openapi.json"
out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(f"wrote {out} ({out.stat().st_size} bytes)")
