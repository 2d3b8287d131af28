//! Open311 answers as one tree rendered in either format: JSON (bare arrays, `null` for absent
//! values) or XML (a declaration, no namespace, an empty element for absent values).

/// A value of an Open311 answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Absent: JSON `null`, an empty XML element.
    Null,
    Text(String),
    Bool(bool),
    Integer(i64),
    Number(f64),
    /// Fields in order.
    Object(Vec<(&'static str, Value)>),
    /// A JSON array; in XML, one element per item, named by the first field.
    List(&'static str, Vec<Value>),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }
}

/// The two formats, named by the path's suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    pub fn parse(suffix: &str) -> Option<Format> {
        match suffix {
            "json" => Some(Format::Json),
            "xml" => Some(Format::Xml),
            _ => None,
        }
    }

    /// The format a path asks for by its suffix; JSON when it names none we know (errors about
    /// an unknown format are written in JSON).
    pub fn of_path(path: &str) -> Format {
        if path.ends_with(".xml") {
            Format::Xml
        } else {
            Format::Json
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json; charset=utf-8",
            Format::Xml => "text/xml; charset=utf-8",
        }
    }

    /// The document: `value` as JSON, or as XML under the element `root`.
    pub fn render(self, root: &str, value: &Value) -> String {
        match self {
            Format::Json => {
                let mut out = Vec::new();
                json_into(&mut out, value);
                // Only strings and ASCII were written.
                String::from_utf8(out).unwrap_or_default()
            }
            Format::Xml => {
                let mut out = String::from(XML_DECLARATION);
                element(&mut out, root, value);
                out
            }
        }
    }

    /// What a list written a part at a time begins with: the same bytes as [`Format::render`]
    /// of `Value::List(_, items)` under `root`, once the items and [`Format::list_end`] follow.
    pub fn list_start(self, root: &str) -> Vec<u8> {
        match self {
            Format::Json => b"[".to_vec(),
            Format::Xml => format!("{XML_DECLARATION}<{root}>").into_bytes(),
        }
    }

    /// Items of a list written a part at a time, each named `item` in XML; `first` says whether
    /// these are the list's first items.
    pub fn list_items(self, item: &str, items: &[Value], first: bool) -> Vec<u8> {
        match self {
            Format::Json => {
                let mut out = Vec::with_capacity(items.len() * 1024);
                for (i, v) in items.iter().enumerate() {
                    if i > 0 || !first {
                        out.push(b',');
                    }
                    json_into(&mut out, v);
                }
                out
            }
            Format::Xml => {
                let mut out = String::with_capacity(items.len() * 1024);
                for v in items {
                    element(&mut out, item, v);
                }
                out.into_bytes()
            }
        }
    }

    /// What a list written a part at a time ends with.
    pub fn list_end(self, root: &str) -> Vec<u8> {
        match self {
            Format::Json => b"]".to_vec(),
            Format::Xml => format!("</{root}>").into_bytes(),
        }
    }
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

/// `value` as compact JSON, written as `serde_json` writes its own value tree: object keys in
/// byte order, strings escaped and numbers formatted by `serde_json` itself.
fn json_into(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Text(s) => json_scalar(out, s.as_str()),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Integer(n) => json_scalar(out, n),
        Value::Number(n) => match serde_json::Number::from_f64(*n) {
            Some(n) => json_scalar(out, &n),
            None => out.extend_from_slice(b"null"),
        },
        Value::Object(fields) => {
            let mut sorted: Vec<&(&'static str, Value)> = fields.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_scalar(out, *k);
                out.push(b':');
                json_into(out, v);
            }
            out.push(b'}');
        }
        Value::List(_, items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_into(out, v);
            }
            out.push(b']');
        }
    }
}

fn json_scalar<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing a string or a number into a vector cannot fail.
    let _ = serde_json::to_writer(&mut *out, value);
}

fn element(out: &mut String, name: &str, value: &Value) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    match value {
        Value::Null => {}
        Value::Text(s) => escape_into(out, s),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Integer(n) => out.push_str(&n.to_string()),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::Object(fields) => {
            for (k, v) in fields {
                element(out, k, v);
            }
        }
        Value::List(item, items) => {
            for v in items {
                element(out, item, v);
            }
        }
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Escapes markup characters, and leaves out the characters XML 1.0 cannot carry (control
/// characters other than tab, line feed and carriage return; U+FFFE and U+FFFF).
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Value {
        Value::List(
            "request",
            vec![Value::Object(vec![
                ("service_request_id", Value::text("7")),
                ("description", Value::text("a < b & \"c\"\u{1}")),
                ("address", Value::Null),
                ("lat", Value::Number(35.76)),
                ("metadata", Value::Bool(false)),
            ])],
        )
    }

    #[test]
    fn json_is_a_bare_array_with_nulls() {
        let json: serde_json::Value =
            serde_json::from_str(&Format::Json.render("service_requests", &sample())).unwrap();
        assert_eq!(json[0]["service_request_id"], "7");
        assert_eq!(json[0]["address"], serde_json::Value::Null);
        assert_eq!(json[0]["lat"], 35.76);
        assert_eq!(json[0]["metadata"], false);
    }

    /// The value tree as `serde_json` itself renders it (the reference the writer follows).
    fn serde_json_of(value: &Value) -> serde_json::Value {
        use serde_json::Value as J;
        match value {
            Value::Null => J::Null,
            Value::Text(s) => J::String(s.clone()),
            Value::Bool(b) => J::Bool(*b),
            Value::Integer(n) => J::Number((*n).into()),
            Value::Number(n) => serde_json::Number::from_f64(*n).map_or(J::Null, J::Number),
            Value::Object(fields) => J::Object(
                fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), serde_json_of(v)))
                    .collect(),
            ),
            Value::List(_, items) => J::Array(items.iter().map(serde_json_of).collect()),
        }
    }

    fn varied() -> Value {
        let item = |n: i64| {
            Value::Object(vec![
                ("service_request_id", Value::Text(n.to_string())),
                ("status", Value::text("open")),
                (
                    "description",
                    Value::text("ضوء \"مطفأ\"\n\t\\ </x> \u{1}\u{7f}\u{2028} ⵜⴰⵎⴰⵣⵉⵖⵜ é"),
                ),
                ("address", Value::Null),
                ("lat", Value::Number(35.7595)),
                ("long", Value::Number(-5.8)),
                ("zero", Value::Number(0.0)),
                ("whole", Value::Number(35.0)),
                ("tiny", Value::Number(1e-7)),
                ("nan", Value::Number(f64::NAN)),
                ("count", Value::Integer(-n)),
                ("metadata", Value::Bool(n % 2 == 0)),
                ("attributes", Value::List("attribute", Vec::new())),
                ("a", Value::List("b", vec![Value::Integer(1), Value::Null])),
            ])
        };
        Value::List("request", (0..5).map(item).collect())
    }

    #[test]
    fn json_is_written_byte_for_byte_as_serde_json_writes_it() {
        for value in [sample(), varied(), Value::List("request", Vec::new())] {
            assert_eq!(
                Format::Json.render("service_requests", &value),
                serde_json_of(&value).to_string()
            );
        }
    }

    #[test]
    fn a_list_written_in_parts_is_the_list_rendered_whole() {
        for format in [Format::Json, Format::Xml] {
            for count in [0, 1, 5] {
                let Value::List(_, items) = varied() else {
                    unreachable!()
                };
                let items: Vec<Value> = items.into_iter().take(count).collect();
                let whole =
                    format.render("service_requests", &Value::List("request", items.clone()));
                let mut parts = format.list_start("service_requests");
                let (head, tail) = items.split_at(count.min(2));
                parts.extend(format.list_items("request", head, true));
                parts.extend(format.list_items("request", tail, head.is_empty()));
                parts.extend(format.list_items("request", &[], false));
                parts.extend(format.list_end("service_requests"));
                assert_eq!(
                    String::from_utf8(parts).unwrap(),
                    whole,
                    "{format:?}, {count}"
                );
            }
        }
    }

    #[test]
    fn xml_has_a_declaration_escapes_and_empty_elements() {
        assert_eq!(
            Format::Xml.render("service_requests", &sample()),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>\
             <service_request_id>7</service_request_id>\
             <description>a &lt; b &amp; &quot;c&quot;</description><address></address>\
             <lat>35.76</lat><metadata>false</metadata></request></service_requests>"
        );
    }
}
