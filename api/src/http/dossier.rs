//! The deposit dossier of a petition, in the form of decree 2.16.403: subject, reasons and
//! objectives, the agent's identity and the table of signatories. As CSV (for a spreadsheet) and
//! as a printable HTML page in Arabic and French, the languages the council works in. Lines whose
//! CIN another signature also used are flagged (a suspected duplicate, for the agent and the
//! commune to check); once the retention period erased the signatories' personal data, the
//! dossier says so.

use crate::http::html::escape;
use crate::i18n::{Arg, Message, text};
use crate::usecases::petitions::Dossier;
use tawasol_domain::Locale;

pub use tawasol_app::spreadsheet::cell;

/// What an erased personal cell of the CSV reads (its columns are named in English too).
pub const ERASED: &str = "erased";

/// One row per signature, with a header row; UTF-8 with a byte-order mark so that spreadsheet
/// programs read Arabic names correctly. `suspected_duplicate` is `yes` on every line whose CIN
/// another line also carries; the personal cells read `erased` after the retention period.
pub fn csv(d: &Dossier) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let yes = |b: bool| if b { "yes" } else { "no" };
    let personal = |v: &Option<String>| v.as_deref().map_or_else(|| ERASED.to_owned(), cell);
    let _ = w.write_record([
        "number",
        "full_name",
        "cin",
        "address",
        "lives_or_works_in_commune",
        "on_electoral_roll",
        "direct_interest",
        "signed_at",
        "suspected_duplicate",
    ]);
    for s in &d.signatures {
        let _ = w.write_record([
            s.number.to_string(),
            personal(&s.full_name),
            personal(&s.cin),
            personal(&s.address),
            yes(s.lives_or_works_in_commune).to_owned(),
            yes(s.on_electoral_roll).to_owned(),
            yes(s.direct_interest).to_owned(),
            s.signed_at.clone(),
            yes(s.suspected_duplicate).to_owned(),
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
    let mark = format!(
        " <strong class=\"dup\" title=\"{} / {}\">⚠</strong>",
        escape(&text(Locale::Ar, "dossier-duplicate-mark")),
        escape(&text(Locale::Fr, "dossier-duplicate-mark")),
    );
    for s in &d.signatures {
        let check = |b: bool| if b { "✓" } else { "✗" };
        let value = |v: &Option<String>| escape(v.as_deref().unwrap_or("—"));
        rows.push_str(&format!(
            "<tr{}><td>{}</td><td dir=\"auto\">{}</td><td dir=\"ltr\">{}{}</td><td dir=\"auto\">{}</td><td>{}</td><td>{}</td><td>{}</td><td dir=\"ltr\">{}</td><td class=\"sign\"></td></tr>\n",
            if s.suspected_duplicate { " class=\"dup\"" } else { "" },
            s.number,
            value(&s.full_name),
            value(&s.cin),
            if s.suspected_duplicate { mark.as_str() } else { "" },
            value(&s.address),
            check(s.lives_or_works_in_commune),
            check(s.on_electoral_roll),
            check(s.direct_interest),
            escape(s.signed_at.get(..10).unwrap_or(&s.signed_at)),
        ));
    }
    let duplicates = d
        .signatures
        .iter()
        .filter(|s| s.suspected_duplicate)
        .count();
    let notice = match &d.personal_data_erased_at {
        Some(at) => format!(
            "<p class=\"notice\">{}</p>\n",
            both_message(&Message::new("dossier-erased").arg("at", Arg::time(at)))
        ),
        None if duplicates > 0 => format!(
            "<p class=\"notice\">{}</p>\n",
            both_message(&Message::new("dossier-duplicates").arg("count", duplicates))
        ),
        None => String::new(),
    };
    let table = if d.personal_data_erased_at.is_some() {
        String::new()
    } else {
        format!(
            "<table><thead><tr><th>{n_h}</th><th>{name_h}</th><th>{cin_h}</th><th>{address_h}</th>\
             <th>{lives_h}</th><th>{roll_h}</th><th>{interest_h}</th><th>{date_h}</th><th>{signature_h}</th></tr></thead>\n\
             <tbody>\n{rows}</tbody></table>\n",
            n_h = both("dossier-number"),
            name_h = both("dossier-full-name"),
            cin_h = both("dossier-cin"),
            address_h = both("dossier-address"),
            lives_h = both("dossier-lives-or-works"),
            roll_h = both("dossier-electoral-roll"),
            interest_h = both("dossier-direct-interest"),
            date_h = both("dossier-signed-on"),
            signature_h = both("dossier-signature"),
        )
    };
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
    let generated = Message::new("dossier-generated").arg("at", Arg::time(&d.generated_at));
    format!(
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"/static/dossier.css\"></head>\n<body>\n\
         <h1>{heading}</h1>\n<p class=\"addressee\">{addressee}</p>\n\
         <h2>{subject_h}</h2>\n<p dir=\"auto\"><strong>{title}</strong></p>\n{request}\n\
         <h2>{reasons_h}</h2>\n{reasons}\n{filer}\
         <h2>{agent_h}</h2>\n<table class=\"agent\">{agent_name}{agent_cin}{agent_address}</table>\n\
         <h2>{signatories_h}</h2>\n<p>{count}</p>\n{notice}{table}\
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
        generated = both_message(&generated),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::usecases::petitions::{AgentIdentity, DossierLine, PetitionView};

    fn line(number: usize, cin: Option<&str>, suspected_duplicate: bool) -> DossierLine {
        DossierLine {
            number,
            full_name: cin.map(|_| format!("Signataire {number}")),
            cin: cin.map(str::to_owned),
            address: cin.map(|_| "Derb Lalla Fatima 14".to_owned()),
            lives_or_works_in_commune: true,
            on_electoral_roll: true,
            direct_interest: true,
            signed_at: "2026-11-22T10:00:00Z".to_owned(),
            suspected_duplicate,
        }
    }

    fn dossier(signatures: Vec<DossierLine>, erased: Option<&str>) -> Dossier {
        Dossier {
            petition: PetitionView {
                id: 7,
                commune: "sefrou".into(),
                title: "Un jardin public".into(),
                request: "Aménager un jardin public.".into(),
                reasons: "Aucun espace vert.".into(),
                filer_type: "citizens".into(),
                organisation: None,
                agent_name: Some("agent".into()),
                status: "filed".into(),
                signature_count: i32::try_from(signatures.len()).unwrap(),
                threshold: 3,
                receipt_number: None,
                filed_on: None,
                refusal_deadline: None,
                days_left: None,
                overdue: false,
                next_session_on: None,
                session_date: None,
                committee: None,
                outcome: None,
                created_at: "2026-11-22T10:00:00Z".into(),
                updated_at: "2026-11-22T10:00:00Z".into(),
            },
            commune_name_ar: "صفرو".into(),
            commune_name_fr: "Sefrou".into(),
            agent: AgentIdentity {
                display_name: "agent".into(),
                full_name: None,
                cin: None,
                address: None,
            },
            signatures,
            personal_data_erased_at: erased.map(str::to_owned),
            generated_at: "2026-11-22T10:00:00Z".into(),
        }
    }

    #[test]
    fn both_lines_sharing_a_cin_are_flagged_in_the_csv_and_on_the_page() {
        let d = dossier(
            vec![
                line(1, Some("AB123456"), true),
                line(2, Some("C998877"), false),
                line(3, Some("AB123456"), true),
            ],
            None,
        );
        let csv = csv(&d);
        let rows: Vec<&str> = csv.lines().collect();
        assert!(rows[0].ends_with(",signed_at,suspected_duplicate"), "{csv}");
        assert!(
            rows[1].ends_with(",yes") && rows[3].ends_with(",yes"),
            "{csv}"
        );
        assert!(rows[2].ends_with(",no"), "{csv}");
        let page = html(&d);
        assert_eq!(page.matches("<tr class=\"dup\">").count(), 2);
        assert!(page.contains("Doublon suspecté") && page.contains("تكرار مشتبه فيه"));
        assert!(page.contains("Lignes concernées : 2"), "{page}");
        let clean = html(&dossier(vec![line(1, Some("C998877"), false)], None));
        assert!(!clean.contains("⚠"));
    }

    #[test]
    fn an_erased_dossier_says_so_and_shows_no_personal_data() {
        let d = dossier(
            vec![line(1, None, false), line(2, None, false)],
            Some("2027-03-01T03:00:00Z"),
        );
        let csv = csv(&d);
        assert_eq!(csv.lines().count(), 3, "the lines stay, counted");
        assert!(
            csv.lines()
                .skip(1)
                .all(|l| l.contains(",erased,erased,erased,yes,yes,yes,")),
            "{csv}"
        );
        let page = html(&d);
        assert!(page.contains("ont été effacés le 1 mars 2027 à "), "{page}");
        assert!(page.contains("بتاريخ 1 مارس 2027"), "{page}");
        assert!(page.contains("مُحيت"));
        assert!(!page.contains("<tbody>"), "no table of signatories");
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_is_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("محمد"), "محمد");
    }
}
