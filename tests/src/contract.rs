//! Every JSON answer the end-to-end tests receive is checked against the OpenAPI document the
//! server publishes: the operation must be documented, the status too (or covered by a range or
//! `default`), and the body must match its schema. A test that meets an undocumented answer fails.

use serde_json::Value;
use std::sync::OnceLock;

struct Contract {
    doc: Value,
    /// Path templates, the most literal first.
    templates: Vec<String>,
}

fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let doc: Value = tawasol_api::openapi::document();
        let mut templates: Vec<String> = doc["paths"]
            .as_object()
            .expect("paths")
            .keys()
            .cloned()
            .collect();
        templates.sort_by_key(|t| (t.matches('{').count(), std::cmp::Reverse(t.len())));
        Contract { doc, templates }
    })
}

fn segment_matches(template: &str, actual: &str) -> bool {
    match (template.find('{'), template.rfind('}')) {
        (Some(open), Some(close)) => {
            let (prefix, suffix) = (&template[..open], &template[close + 1..]);
            actual.len() > prefix.len() + suffix.len()
                && actual.starts_with(prefix)
                && actual.ends_with(suffix)
        }
        _ => template == actual,
    }
}

/// The documented path template that `path` (without its query) matches.
pub fn template_of(path: &str) -> Option<&'static str> {
    let path = path.split('?').next().unwrap_or(path);
    let actual: Vec<&str> = path.split('/').collect();
    contract()
        .templates
        .iter()
        .find(|t| {
            let parts: Vec<&str> = t.split('/').collect();
            parts.len() == actual.len()
                && parts
                    .iter()
                    .zip(&actual)
                    .all(|(t, a)| segment_matches(t, a))
        })
        .map(String::as_str)
}

fn validate(schema: &Value, body: &Value, what: &str) {
    let mut root = schema.clone();
    if let Some(obj) = root.as_object_mut() {
        obj.insert("components".into(), contract().doc["components"].clone());
    }
    let validator = jsonschema::validator_for(&root)
        .unwrap_or_else(|e| panic!("{what}: the documented schema does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: the answer does not match its documented schema:\n{}\nbody: {body}",
        errors.join("\n")
    );
}

/// Checks one answer. Only JSON bodies are checked against a schema; every answer's status must
/// be documented for its operation.
pub fn check(method: &str, path: &str, status: u16, content_type: &str, body: &[u8]) {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let json = media == "application/json" || media == "application/problem+json";
    let what = format!("{method} {path} → {status}");
    let c = contract();
    let method = method.to_ascii_lowercase();
    let method = if method == "head" {
        "get".to_owned()
    } else {
        method
    };
    let operation = template_of(path).and_then(|t| c.doc["paths"][t].get(&method));
    let Some(operation) = operation else {
        // No such route, or not this method: the answer is a problem (404 or 405), or under
        // /open311/ Open311's own error list.
        if json {
            let body: Value =
                serde_json::from_slice(body).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
            let schema = if path.starts_with("/open311/") {
                serde_json::json!({"type": "array", "items": {"$ref": "#/components/schemas/Open311Error"}})
            } else {
                serde_json::json!({"$ref": "#/components/schemas/Problem"})
            };
            validate(&schema, &body, &what);
        }
        return;
    };
    let responses = &operation["responses"];
    let range = format!("{}XX", status / 100);
    let response = [status.to_string(), range, "default".to_owned()]
        .iter()
        .find_map(|k| responses.get(k))
        .unwrap_or_else(|| panic!("{what}: this status is not documented for the operation"));
    // Shared answers (the problems) are references to the document's components.
    let response = match response["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or_default();
            &c.doc["components"]["responses"][name]
        }
        None => response,
    };
    if !json || body.is_empty() || method == "head" {
        return;
    }
    let body: Value =
        serde_json::from_slice(body).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    let content = &response["content"];
    let schema = content
        .get(&media)
        .or_else(|| {
            // A problem may be documented as application/problem+json only.
            (media == "application/json")
                .then(|| content.get("application/problem+json"))
                .flatten()
        })
        .map(|m| &m["schema"])
        .unwrap_or_else(|| panic!("{what}: {media} is not documented for this status"));
    validate(schema, &body, &what);
}
