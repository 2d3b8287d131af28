//! Who may do what: pure functions of the actor (as read from the database on every request),
//! the action and the resource. Handlers never check roles themselves.

use crate::category::CategoryCode;
use crate::commune::{ArrondissementSlug, CommuneSlug};

/// The person behind a request, with their current bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    User(UserActor),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserActor {
    pub id: i64,
    pub verified: bool,
    pub banned: bool,
    pub admin: bool,
    pub official: Option<OfficialScope>,
    /// Communes this user moderates; `None` in the list means every commune.
    pub moderates: Vec<Option<CommuneSlug>>,
    /// Organisations (verified by an admin) this user belongs to.
    pub organisations: Vec<i64>,
}

/// Where an official may act: a commune, optionally narrowed to an arrondissement and to some
/// categories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialScope {
    pub commune: CommuneSlug,
    pub arrondissement: Option<ArrondissementSlug>,
    pub categories: Vec<CategoryCode>,
}

impl OfficialScope {
    /// Whether an item of this commune, arrondissement and category is theirs to answer.
    pub fn covers(
        &self,
        commune: &CommuneSlug,
        arrondissement: Option<&ArrondissementSlug>,
        category: &CategoryCode,
    ) -> bool {
        self.commune == *commune
            && self
                .arrondissement
                .as_ref()
                .is_none_or(|a| Some(a) == arrondissement)
            && (self.categories.is_empty() || self.categories.contains(category))
    }

    /// Whether they act for the whole commune: no arrondissement and no category narrows them
    /// (what a commune's documents, such as a petition's dossier, need).
    pub fn is_commune_wide(&self) -> bool {
        self.arrondissement.is_none() && self.categories.is_empty()
    }
}

/// Everything a policy is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Read one's own account and export one's own data (Law 09-08 right of access).
    ReadOwnAccount,
    /// Change one's own display name or language.
    UpdateOwnAccount,
    /// Erase one's own personal data.
    DeleteOwnAccount,
    /// End one's own session.
    Logout,
    /// Contribute: post, reply, sign, follow, flag (later features name their resource).
    Contribute,
    /// Appoint or revoke officials, manage organisations and moderators, ban, handle the outbox,
    /// read the audit log.
    Administer,
    /// Moderate items of a commune.
    Moderate { commune: CommuneSlug },
}

/// Why an action was refused; each maps to a problem the person can understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is logged in (401).
    NotAuthenticated,
    /// The account is banned (403).
    Banned,
    /// The address was never confirmed (403).
    Unverified,
    /// The action needs a role the actor does not have (403).
    NotPermitted,
}

/// The one place that decides.
pub fn authorize(actor: &Actor, action: &Action) -> Result<(), Denied> {
    let Actor::User(user) = actor else {
        return Err(Denied::NotAuthenticated);
    };
    match action {
        // The rights of access and erasure survive a ban and need no verified address.
        Action::ReadOwnAccount | Action::DeleteOwnAccount | Action::Logout => Ok(()),
        Action::UpdateOwnAccount => not_banned(user),
        Action::Contribute => {
            not_banned(user)?;
            if user.verified {
                Ok(())
            } else {
                Err(Denied::Unverified)
            }
        }
        Action::Administer => {
            not_banned(user)?;
            if user.admin {
                Ok(())
            } else {
                Err(Denied::NotPermitted)
            }
        }
        Action::Moderate { commune } => {
            not_banned(user)?;
            let allowed = user.admin
                || user
                    .moderates
                    .iter()
                    .any(|m| m.as_ref().is_none_or(|c| c == commune));
            if allowed {
                Ok(())
            } else {
                Err(Denied::NotPermitted)
            }
        }
    }
}

fn not_banned(user: &UserActor) -> Result<(), Denied> {
    if user.banned {
        Err(Denied::Banned)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(s: &str) -> CommuneSlug {
        CommuneSlug::parse(s).unwrap()
    }

    fn user() -> UserActor {
        UserActor {
            id: 1,
            verified: true,
            banned: false,
            admin: false,
            official: None,
            moderates: vec![],
            organisations: vec![],
        }
    }

    #[test]
    fn anonymous_visitors_are_asked_to_log_in() {
        for action in [
            Action::ReadOwnAccount,
            Action::Contribute,
            Action::Administer,
        ] {
            assert_eq!(
                authorize(&Actor::Anonymous, &action),
                Err(Denied::NotAuthenticated)
            );
        }
    }

    #[test]
    fn unverified_accounts_cannot_contribute_but_keep_their_rights() {
        let u = UserActor {
            verified: false,
            ..user()
        };
        let a = Actor::User(u);
        assert_eq!(authorize(&a, &Action::Contribute), Err(Denied::Unverified));
        assert_eq!(authorize(&a, &Action::ReadOwnAccount), Ok(()));
        assert_eq!(authorize(&a, &Action::UpdateOwnAccount), Ok(()));
    }

    #[test]
    fn a_ban_stops_everything_but_the_rights_of_access_and_erasure() {
        let a = Actor::User(UserActor {
            banned: true,
            admin: true,
            ..user()
        });
        assert_eq!(authorize(&a, &Action::Contribute), Err(Denied::Banned));
        assert_eq!(authorize(&a, &Action::Administer), Err(Denied::Banned));
        assert_eq!(
            authorize(&a, &Action::UpdateOwnAccount),
            Err(Denied::Banned)
        );
        assert_eq!(authorize(&a, &Action::ReadOwnAccount), Ok(()));
        assert_eq!(authorize(&a, &Action::DeleteOwnAccount), Ok(()));
    }

    #[test]
    fn only_admins_administer_and_moderators_moderate_their_commune() {
        assert_eq!(
            authorize(&Actor::User(user()), &Action::Administer),
            Err(Denied::NotPermitted)
        );
        assert_eq!(
            authorize(
                &Actor::User(UserActor {
                    admin: true,
                    ..user()
                }),
                &Action::Administer
            ),
            Ok(())
        );
        let tangier = Actor::User(UserActor {
            moderates: vec![Some(slug("tangier"))],
            ..user()
        });
        assert_eq!(
            authorize(
                &tangier,
                &Action::Moderate {
                    commune: slug("tangier")
                }
            ),
            Ok(())
        );
        assert_eq!(
            authorize(
                &tangier,
                &Action::Moderate {
                    commune: slug("sefrou")
                }
            ),
            Err(Denied::NotPermitted)
        );
        let everywhere = Actor::User(UserActor {
            moderates: vec![None],
            ..user()
        });
        assert_eq!(
            authorize(
                &everywhere,
                &Action::Moderate {
                    commune: slug("sefrou")
                }
            ),
            Ok(())
        );
    }

    #[test]
    fn an_official_scope_covers_its_commune_arrondissement_and_categories() {
        let lighting = CategoryCode::parse("public_lighting").unwrap();
        let roads = CategoryCode::parse("roads_sidewalks").unwrap();
        let bni = ArrondissementSlug::parse("bni-makada").unwrap();
        let medina = ArrondissementSlug::parse("tanger-medina").unwrap();
        let scope = OfficialScope {
            commune: slug("tangier"),
            arrondissement: Some(bni.clone()),
            categories: vec![lighting.clone()],
        };
        assert!(scope.covers(&slug("tangier"), Some(&bni), &lighting));
        assert!(!scope.covers(&slug("tangier"), Some(&medina), &lighting));
        assert!(!scope.covers(&slug("tangier"), Some(&bni), &roads));
        assert!(!scope.covers(&slug("sefrou"), None, &lighting));
        let whole = OfficialScope {
            commune: slug("tangier"),
            arrondissement: None,
            categories: vec![],
        };
        assert!(whole.covers(&slug("tangier"), Some(&medina), &roads));
        assert!(whole.is_commune_wide());
        assert!(!scope.is_commune_wide());
        let one_arrondissement = OfficialScope {
            arrondissement: Some(medina),
            ..whole.clone()
        };
        assert!(!one_arrondissement.is_commune_wide());
        let some_categories = OfficialScope {
            categories: vec![roads],
            ..whole
        };
        assert!(!some_categories.is_commune_wide());
    }
}
