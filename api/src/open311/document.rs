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
            Format::Json => to_json(value).to_string(),
            Format::Xml => {
                let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
                element(&mut out, root, value);
                out
            }
        }
    }
}

fn to_json(value: &Value) -> serde_json::Value {
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
                .map(|(k, v)| ((*k).to_owned(), to_json(v)))
                .collect(),
        ),
        Value::List(_, items) => J::Array(items.iter().map(to_json).collect()),
    }
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
