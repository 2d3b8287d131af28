//! The petition pages: the list, one petition (its progress, the legal steps in plain words, the
//! public timeline, the signing form and the agent's own steps), and the form to start one. All
//! rules stay in `usecases::petitions`; these pages only read forms and show answers.

pub(crate) mod browse;
pub(crate) mod drafting;
pub(crate) mod page;
pub(crate) mod signing;
pub(crate) mod steps;

use crate::i18n::{Message, text};
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
