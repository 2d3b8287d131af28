//! The petition pages: the list, one petition (its progress, the legal steps in plain words, the
//! public timeline, the signing form and the agent's own steps), and the form to start one. All
//! rules stay in `usecases::petitions`; these pages only read forms and show answers.

pub(crate) mod browse;
pub(crate) mod drafting;
pub(crate) mod page;
pub(crate) mod signing;
pub(crate) mod steps;
