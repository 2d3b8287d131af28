//! The deposit dossier of a petition, in the form of decree 2.16.403: subject, reasons and
//! objectives, the agent's identity and the table of signatories. As CSV (for a spreadsheet) and
//! as a printable HTML page in Arabic and French, the languages the council works in.

use crate::html::escape;
use crate::i18n::{Message, text};
use crate::usecases::petitions::Dossier;
use tawasol_domain::Locale;

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
/// is prefixed with an apostrophe: a signatory's name must never execute on the agent's machine.
pub fn cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

/// One row per signature, with a header row; UTF-8 with a byte-order mark so that spreadsheet
/// programs read Arabic names correctly.
pub fn csv(d: &Dossier) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let yes = |b: bool| if b { "yes" } else { "no" };
    let _ = w.write_record([
        "number",
        "full_name",
        "cin",
        "address",
        "lives_or_works_in_commune",
        "on_electoral_roll",
        "direct_interest",
        "signed_at",
    ]);
    for s in &d.signatures {
        let _ = w.write_record([
            s.number.to_string(),
            cell(&s.full_name),
            cell(&s.cin),
            cell(&s.address),
            yes(s.lives_or_works_in_commune).to_owned(),
            yes(s.on_electoral_roll).to_owned(),
            yes(s.direct_interest).to_owned(),
            s.signed_at.clone(),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// A label in Arabic, then in French.
fn both(key: &'static str) -> String {
    format!(
        "<span lang=\"ar\" dir=\"rtl\">{}</span> <span class=\"fr\" lang=\"fr\" dir=\"ltr\">{}</span>",
        escape(&text(Locale::Ar, key)),
        escape(&text(Locale::Fr, key)),
    )
}

fn both_message(m: &Message) -> String {
    format!(
        "<span lang=\"ar\" dir=\"rtl\">{}</span> <span class=\"fr\" lang=\"fr\" dir=\"ltr\">{}</span>",
        escape(&m.render(Locale::Ar)),
        escape(&m.render(Locale::Fr)),
    )
}

fn para(value: &str) -> String {
    format!(
        "<p dir=\"auto\">{}</p>",
        escape(value).replace('\n', "<br>")
    )
}

/// A page to print and sign: Arabic first (right to left), French beside each heading. Its styles
/// are `/static/dossier.css` (nothing inline, as the pages' Content-Security-Policy requires).
pub fn html(d: &Dossier) -> String {
    let p = &d.petition;
    let mut rows = String::new();
    for s in &d.signatures {
        let check = |b: bool| if b { "✓" } else { "✗" };
        rows.push_str(&format!(
            "<tr><td>{}</td><td dir=\"auto\">{}</td><td dir=\"ltr\">{}</td><td dir=\"auto\">{}</td><td>{}</td><td>{}</td><td>{}</td><td dir=\"ltr\">{}</td><td class=\"sign\"></td></tr>\n",
            s.number,
            escape(&s.full_name),
            escape(&s.cin),
            escape(&s.address),
            check(s.lives_or_works_in_commune),
            check(s.on_electoral_roll),
            check(s.direct_interest),
            escape(s.signed_at.get(..10).unwrap_or(&s.signed_at)),
        ));
    }
    let addressee = Message::new("dossier-addressee")
        .arg("commune_ar", d.commune_name_ar.as_str())
        .arg("commune_fr", d.commune_name_fr.as_str());
    let addressee = format!(
        "<span lang=\"ar\" dir=\"rtl\">{}</span><br><span class=\"fr\" lang=\"fr\" dir=\"ltr\">{}</span>",
        escape(&addressee.render(Locale::Ar)),
        escape(&addressee.render(Locale::Fr)),
    );
    let filer = match &p.organisation {
        Some(org) => format!(
            "<h2>{}</h2>{}<p dir=\"auto\">{}: {}</p>",
            both("dossier-association"),
            para(&org.name),
            both("dossier-representative"),
            escape(p.agent_name.as_deref().unwrap_or_default()),
        ),
        None => String::new(),
    };
    let agent_line = |key: &'static str, value: Option<&str>| {
        format!(
            "<tr><th>{}</th><td dir=\"auto\">{}</td></tr>",
            both(key),
            escape(value.unwrap_or("………………………………"))
        )
    };
    let count = Message::new("dossier-count").arg("count", d.signatures.len());
    let generated = Message::new("dossier-generated").arg("at", d.generated_at.as_str());
    format!(
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/static/dossier.css\"></head>\n<body>\n\
         <h1>{heading}</h1>\n<p class=\"addressee\">{addressee}</p>\n\
         <h2>{subject_h}</h2>\n<p dir=\"auto\"><strong>{title}</strong></p>\n{request}\n\
         <h2>{reasons_h}</h2>\n{reasons}\n{filer}\
         <h2>{agent_h}</h2>\n<table class=\"agent\">{agent_name}{agent_cin}{agent_address}</table>\n\
         <h2>{signatories_h}</h2>\n<p>{count}</p>\n\
         <table><thead><tr><th>{n_h}</th><th>{name_h}</th><th>{cin_h}</th><th>{address_h}</th>\
         <th>{lives_h}</th><th>{roll_h}</th><th>{interest_h}</th><th>{date_h}</th><th>{signature_h}</th></tr></thead>\n\
         <tbody>\n{rows}</tbody></table>\n\
         <p class=\"meta\">{generated}</p>\n</body></html>\n",
        title = escape(&p.title),
        heading = both("dossier-heading"),
        subject_h = both("dossier-subject"),
        request = para(&p.request),
        reasons_h = both("dossier-reasons"),
        reasons = para(&p.reasons),
        agent_h = both("dossier-agent"),
        agent_name = agent_line(
            "dossier-full-name",
            d.agent.full_name.as_deref().or(Some(&d.agent.display_name))
        ),
        agent_cin = agent_line("dossier-cin", d.agent.cin.as_deref()),
        agent_address = agent_line("dossier-address", d.agent.address.as_deref()),
        signatories_h = both("dossier-signatories"),
        count = both_message(&count),
        n_h = both("dossier-number"),
        name_h = both("dossier-full-name"),
        cin_h = both("dossier-cin"),
        address_h = both("dossier-address"),
        lives_h = both("dossier-lives-or-works"),
        roll_h = both("dossier-electoral-roll"),
        interest_h = both("dossier-direct-interest"),
        date_h = both("dossier-signed-on"),
        signature_h = both("dossier-signature"),
        generated = both_message(&generated),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_looks_like_a_formula_is_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("محمد"), "محمد");
    }
}
