//! The petition pages: the list, one petition (its progress, the legal steps in plain words, the
//! public timeline, the signing form and the agent's own steps), and the form to start one. All
//! rules stay in `usecases::petitions`; these pages only read forms and show answers.

pub(crate) mod browse;
pub(crate) mod drafting;
pub(crate) mod page;
pub(crate) mod signing;
pub(crate) mod steps;

use crate::i18n::{Message, text};
use crate::usecases::UseCaseError;
use crate::usecases::petitions::PetitionView;
use tawasol_domain::Locale;
use tawasol_domain::petition::FilerType;

/// A petition filed by an association (which gathers documents, not signatures).
pub(crate) fn by_association(p: &PetitionView) -> bool {
    p.filer_type == FilerType::Association.as_str()
}

/// A petition's progress as its lists show it: citizens' signatures against the commune's
/// threshold; for an association's, that it needs none (Organic Law 113-14).
pub(crate) fn progress(locale: Locale, p: &PetitionView) -> String {
    if by_association(p) {
        return text(locale, "web-petition-association-progress");
    }
    Message::new("web-signatures-of")
        .arg("count", i64::from(p.signature_count))
        .arg("threshold", i64::from(p.threshold))
        .render(locale)
}

/// What a refused form says to the person at it, each reason once; `None` when the refusal is
/// not about what they typed (it is a page of its own then).
fn errors_of(locale: Locale, e: &UseCaseError) -> Option<Vec<String>> {
    match e {
        UseCaseError::Invalid(fields) => {
            let mut out: Vec<String> = Vec::new();
            for f in fields {
                let m = text(locale, f.message);
                if !out.contains(&m) {
                    out.push(m);
                }
            }
            Some(out)
        }
        _ => None,
    }
}
