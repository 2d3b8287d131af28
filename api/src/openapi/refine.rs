//! What every operation shares, written into the OpenAPI document once, after the handlers'
//! annotations: the `?lang=` parameter, the shared vocabulary of parameters (commune slugs,
//! category codes, ids, page sizes, cursors) with the patterns their parsers accept, and every
//! status an operation can answer, each with the content type it really has.
//!
//! A handler documents its success and the answers only it gives; a handler whose errors are
//! problems says so with a `default` problem response, which is expanded here into the explicit
//! statuses it can answer (so that an undocumented status is a contract failure, not a `default`).
//! The framework's own refusals come before any handler and are problem+json on every route
//! (Open311's error list under `/open311/`): 400 for a `?lang=` we do not speak or a query string
//! that does not parse, 401 for a protected route without a valid bearer token, 404 for a path
//! parameter that does not parse, 413 for a declared body over the cap, 415 and 400 for a body of
//! the wrong type or shape, 500 and 503 (database unreachable, expensive work saturated). Web
//! pages answer their own errors as pages (`text/html`), and the framework's as problem+json.

use serde_json::{Map, Value, json};

const PROBLEM_JSON: &str = "application/problem+json";

/// A commune's or an arrondissement's slug, as `CommuneSlug::parse` accepts it.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// A category code, as `CategoryCode::parse` accepts it.
pub const CATEGORY_PATTERN: &str = "^[a-z][a-z0-9_]*$";
/// A `next_cursor` (base64url without padding); empty means the first page.
pub const CURSOR_PATTERN: &str = "^[A-Za-z0-9_-]*$";

fn problem_description(status: u16) -> &'static str {
    match status {
        400 => {
            "Bad request: a parameter or the body breaks what this document says (`/problems/invalid-parameter`, `/problems/malformed-body`, `/problems/invalid-token`)"
        }
        401 => "No valid bearer token (`/problems/unauthorized`)",
        403 => "Not allowed: unverified, banned, or not in scope (`/problems/forbidden`)",
        404 => "Not found (`/problems/not-found`)",
        409 => {
            "Conflict with the current state (`/problems/conflict`, `/problems/forbidden-transition`)"
        }
        413 => "The body is larger than the cap (`/problems/payload-too-large`)",
        415 => {
            "The body is not of the documented content type (`/problems/unsupported-media-type`)"
        }
        422 => {
            "Well formed, but a rule refuses it; `errors` names the fields (`/problems/validation`)"
        }
        429 => {
            "Too many requests; `Retry-After` says when to retry (`/problems/too-many-requests`)"
        }
        500 => "Our fault; quote `request_id` (`/problems/internal`)",
        503 => {
            "Unavailable for now; `Retry-After` says when to retry (`/problems/service-unavailable`)"
        }
        _ => "A problem (RFC 9457)",
    }
}

/// The problem answers every operation documents by reference.
fn problem_responses() -> Map<String, Value> {
    let mut responses = Map::new();
    for status in [400u16, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503] {
        let mut response = json!({
            "description": problem_description(status),
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        });
        let header = match status {
            401 => Some(("WWW-Authenticate", "`Bearer realm=\"tawasol\"`")),
            429 | 503 => Some(("Retry-After", "Seconds to wait before retrying")),
            _ => None,
        };
        if let Some((name, description)) = header {
            response["headers"] = json!({name: {
                "description": description,
                "required": true,
                "schema": {"type": "string"},
            }});
        }
        responses.insert(format!("Problem{status}"), response);
    }
    responses
}

fn problem_ref(status: u16) -> Value {
    json!({"$ref": format!("#/components/responses/Problem{status}")})
}

/// One of these values; the empty string too where an empty parameter counts as absent (as an
/// HTML form sends it).
fn one_of<'a>(values: impl IntoIterator<Item = &'a str>, empty_is_absent: bool) -> Value {
    let mut list: Vec<&str> = values.into_iter().collect();
    if empty_is_absent {
        list.insert(0, "");
    }
    json!({"type": "string", "enum": list})
}

/// A date (`YYYY-MM-DD`) or an RFC 3339 time, or empty.
fn date_or_time() -> Value {
    json!({"anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
        {"type": "string", "maxLength": 0},
    ]})
}

/// The parameters of one operation whose values the handler checks against a fixed set.
fn operation_parameter_schema(path: &str, name: &str) -> Option<Value> {
    use tawasol_domain::issue::IssueStatus;
    use tawasol_domain::outbox::OutboxStatus;
    use tawasol_domain::petition::PetitionStatus;
    Some(match (path, name) {
        ("/api/v1/issues", "status") => one_of(
            ["open", "closed"]
                .into_iter()
                .chain(IssueStatus::ALL.iter().map(|s| s.as_str())),
            true,
        ),
        ("/api/v1/issues", "sort") => {
            one_of(["newest", "most_supported", "recently_updated"], true)
        }
        ("/api/v1/issues", "created_after" | "created_before")
        | ("/api/v1/stats", "from" | "to") => date_or_time(),
        ("/api/v1/issues", "bbox") => {
            json!({"type": "string", "pattern": crate::rest::issues::BBOX_PATTERN})
        }
        ("/api/v1/petitions", "status") => {
            one_of(PetitionStatus::ALL.iter().map(|s| s.as_str()), true)
        }
        ("/api/v1/admin/outbox", "status") => {
            one_of(OutboxStatus::ALL.iter().map(|s| s.as_str()), true)
        }
        ("/api/v1/petitions/{id}/dossier", "format") => one_of(["html", "csv"], true),
        ("/api/v1/stats", "official") => {
            json!({"anyOf": [{"type": "integer", "format": "int64"}, {"type": "string", "maxLength": 0}]})
        }
        _ => return None,
    })
}

/// The shared vocabulary of parameters, by name, where the name means the same everywhere.
fn parameter_schema(name: &str, location: &str, path: &str) -> Option<Value> {
    if location == "query"
        && let Some(schema) = operation_parameter_schema(path, name)
    {
        return Some(schema);
    }
    let open311 = path.starts_with("/open311/");
    // The web application's pages take any text in their paths (a visitor who is not logged in
    // is sent to the login page first, whatever the address); the API and the feeds parse them.
    let parsed_path = path.starts_with("/api/") || path.starts_with("/feeds/") || open311;
    Some(match (name, location) {
        ("limit", "query") => json!({"type": "integer", "minimum": 1, "maximum": 100}),
        ("author" | "followed" | "agent", "query") => one_of(["me"], true),
        ("Idempotency-Key", "header") => {
            json!({"type": "string", "pattern": "^[!-~]{1,255}$"})
        }
        ("lang", "query") => json!({"type": "string", "enum": ["ar", "fr", "zgh"]}),
        ("slug", "path") if parsed_path => {
            json!({"type": "string", "pattern": SLUG_PATTERN, "minLength": 2, "maxLength": 63})
        }
        ("category", "path") | ("service_code", "path") if parsed_path => {
            json!({"type": "string", "pattern": CATEGORY_PATTERN, "minLength": 2, "maxLength": 40})
        }
        ("format", "path") if open311 => json!({"type": "string", "enum": ["json", "xml"]}),
        ("cursor", "query") => json!({"type": "string", "pattern": CURSOR_PATTERN}),
        ("id" | "user_id" | "reply_id", "path") => json!({"type": "integer", "format": "int64"}),
        _ => return None,
    })
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Refines the document the annotations produced (see the module's documentation).
pub fn refine(doc: &mut Value) {
    let components = doc
        .as_object_mut()
        .expect("the document is an object")
        .entry("components")
        .or_insert_with(|| json!({}));
    let responses = components
        .as_object_mut()
        .expect("components")
        .entry("responses")
        .or_insert_with(|| json!({}));
    if let Some(responses) = responses.as_object_mut() {
        responses.extend(problem_responses());
    }
    let open311_errors = doc["components"]["responses"]["Open311Errors"].clone();
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            if METHODS.contains(&method.as_str()) {
                refine_operation(path, method, op, &open311_errors);
            }
        }
    }
    // Every operation's `default` became the statuses it answers: the shared response that said
    // "a problem" is no longer referenced.
    if let Some(responses) = doc["components"]["responses"].as_object_mut() {
        responses.remove("Problems");
        responses.remove("Open311Errors");
    }
}

fn refine_operation(path: &str, method: &str, op: &mut Value, open311_errors: &Value) {
    refine_parameters(path, op);
    let open311 = path.starts_with("/open311/");
    let security = op["security"].as_array().cloned().unwrap_or_default();
    // Required when no alternative is empty (`[{}, {"bearer": []}]` says "optional").
    let requires_auth = !security.is_empty()
        && security
            .iter()
            .all(|s| s.as_object().is_some_and(|o| !o.is_empty()));
    let reads_auth = !security.is_empty();
    let has_path_params = op["parameters"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "path"));
    let has_query_params = op["parameters"]
        .as_array()
        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query" && p["name"] != "lang"));
    let body_types: Vec<String> = op["requestBody"]["content"]
        .as_object()
        .map(|c| c.keys().cloned().collect())
        .unwrap_or_default();
    let write = method != "get" && method != "head";
    let tagged_pages = op["tags"]
        .as_array()
        .is_some_and(|t| t.contains(&json!("pages")));

    let Some(responses) = op["responses"].as_object_mut() else {
        return;
    };

    if open311 {
        // Every error under /open311/ is Open311's list, in the format the path asks for: the
        // shared response each annotation names, written out, for 4xx and for 5xx.
        if let Some(client) = responses.get_mut("4XX")
            && client["$ref"] == "#/components/responses/Open311Errors"
        {
            *client = open311_errors.clone();
        }
        if let Some(client) = responses.get("4XX").cloned() {
            let mut server = client;
            server["description"] = json!("Open311 errors: 500, or 503 with `Retry-After`");
            responses.entry("5XX").or_insert(server);
        }
        return;
    }

    // The framework's refusals, before any handler: always problem+json.
    let mut framework: Vec<u16> = vec![400, 413, 500, 503];
    if reads_auth {
        framework.push(401);
    }
    if has_path_params {
        framework.push(404);
    }
    if !body_types.is_empty() {
        framework.push(415);
    }

    // Pages (the web application's handlers) answer their own errors as pages.
    let problem_default = responses.get("default").is_some_and(is_problems);
    let is_page = !problem_default
        && (tagged_pages
            || responses
                .values()
                .any(|r| r["content"].get("text/html").is_some()));

    // A handler whose errors are problems: `default` becomes the statuses it can answer.
    let mut statuses = framework.clone();
    if let Some(default) = responses.remove("default") {
        let problems = is_problems(&default);
        if problems {
            statuses.push(404);
            if requires_auth {
                statuses.push(403);
            }
            if write {
                statuses.extend([409, 422, 429]);
            }
            if has_query_params {
                // A well-formed parameter that names nothing known (a commune, a cursor).
                statuses.push(422);
            }
        }
    }
    statuses.sort_unstable();
    statuses.dedup();

    if is_page {
        // A page's own errors are pages; the framework's are problems. Both for any 4xx/5xx.
        for range in ["4XX", "5XX"] {
            let entry = responses.entry(range).or_insert_with(|| {
                json!({"description": "The reason, as a page in the reader's language (or a problem when the framework refuses the request before the page)"})
            });
            add_content(entry, "text/html", json!({"schema": {"type": "string"}}));
            add_content(
                entry,
                PROBLEM_JSON,
                json!({"schema": {"$ref": "#/components/schemas/Problem"}}),
            );
        }
        for (status, response) in responses.iter_mut() {
            if status
                .parse::<u16>()
                .is_ok_and(|s| s >= 400 && statuses.contains(&s))
            {
                add_content(
                    response,
                    PROBLEM_JSON,
                    json!({"schema": {"$ref": "#/components/schemas/Problem"}}),
                );
            }
        }
        return;
    }

    for status in statuses {
        match responses.get_mut(&status.to_string()) {
            // Already documented by the handler (its own description): it may also be a problem.
            Some(existing) if existing.get("$ref").is_none() => {
                add_content(
                    existing,
                    PROBLEM_JSON,
                    json!({"schema": {"$ref": "#/components/schemas/Problem"}}),
                );
            }
            Some(_) => {}
            None => {
                responses.insert(status.to_string(), problem_ref(status));
            }
        }
    }
}

/// Whether a response is "a problem": the shared `Problems` response every annotation names
/// (`(status = "default", response = Problems)`), or a problem+json body written out.
fn is_problems(response: &Value) -> bool {
    response["$ref"] == "#/components/responses/Problems"
        || response["content"].get(PROBLEM_JSON).is_some()
}

fn add_content(response: &mut Value, media: &str, content: Value) {
    let Some(response) = response.as_object_mut() else {
        return;
    };
    let map = response.entry("content").or_insert_with(|| json!({}));
    if let Some(map) = map.as_object_mut() {
        map.entry(media).or_insert(content);
    }
}

fn refine_parameters(path: &str, op: &mut Value) {
    let op = op.as_object_mut().expect("an operation is an object");
    let parameters = op.entry("parameters").or_insert_with(|| json!([]));
    let Some(list) = parameters.as_array_mut() else {
        return;
    };
    // Every route reads `?lang=` (the middleware refuses any other value).
    if !list
        .iter()
        .any(|p| p["name"] == "lang" && p["in"] == "query")
    {
        list.push(json!({
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "ar, fr or zgh, exactly (else Accept-Language, else the account's language, else ar)",
        }));
    }
    for p in list.iter_mut() {
        let (Some(name), Some(location)) = (
            p["name"].as_str().map(str::to_owned),
            p["in"].as_str().map(str::to_owned),
        ) else {
            continue;
        };
        if let Some(schema) = parameter_schema(&name, &location, path) {
            // A handler's own constraints win over the shared ones.
            let own = p["schema"].get("enum").is_some() || p["schema"].get("pattern").is_some();
            if !own {
                p["schema"] = schema;
            }
        }
        // No query parameter takes a control character (the middleware refuses one with 400),
        // but `next`, which is resolved the way a browser does.
        let free_text = p["schema"]["type"] == "string"
            && ["enum", "pattern", "format"]
                .iter()
                .all(|k| p["schema"].get(k).is_none());
        if location == "query" && name != "next" && free_text {
            p["schema"]["pattern"] = json!(NO_CONTROL_PATTERN);
        }
    }
}

/// Text without control characters (C0, DEL and C1), the one rule of every query parameter.
pub const NO_CONTROL_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
