//! Text bound for a spreadsheet (the open-data CSV, the petition dossier).

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// is prefixed with an apostrophe: a signatory's name must never execute on the agent's machine.
pub fn cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("Amina"), "Amina");
    }
}
