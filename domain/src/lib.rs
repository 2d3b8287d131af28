//! Tawasol's rules, kept pure: types that parse instead of validate, thresholds and deadlines,
//! state machines and policies. Nothing here touches a database, the network, a clock or a runtime.

pub mod account;
pub mod category;
pub mod commune;
pub mod email;
pub mod geo;
pub mod issue;
pub mod locale;
pub mod open311;
pub mod outbox;
pub mod page;
pub mod personal;
pub mod petition;
pub mod policy;
pub mod search;
pub mod text;

pub use account::{DisplayName, OfficialTitle, Password};
pub use category::{AnswerTargetDays, Category, CategoryCode};
pub use commune::{
    Arrondissement, ArrondissementSlug, CensusYear, Commune, CommuneSlug, Population,
    petition_threshold,
};
pub use email::EmailAddress;
pub use geo::{BoundingBox, GeoPoint};
pub use locale::Locale;
pub use outbox::{DeliveryFailure, NextStep, OutboxStatus, RetryPolicy};
pub use page::PageLimit;
pub use policy::{Action, Actor, Denied, OfficialScope, UserActor, authorize};
pub use text::LocalizedText;
