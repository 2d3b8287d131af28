//! What a web handler asks for besides its address's parameters, each answering its refusal
//! once, here: the person at the browser ([`Visitor`]), someone with an account
//! ([`SignedIn`]: else the way to the login page, and back), and a form this browser posted
//! ([`Posted`]: read within its limits, its CSRF token checked).
//!
//! A posted form is refused first (a body too large, not a form, malformed: a page), then a token
//! that is not this browser's (403), and only then is a visitor without an account sent to log
//! in: a form posted from another site learns nothing. So a form and who posts it are one
//! extractor, `Posted<Form, Who>`, which decides in that order whatever the order in which the
//! body and the session arrive. A handler lists its address's parameters (`web::Path`,
//! `web::Query`) before these, so that a malformed address is refused before anything else, as
//! actix polls extractors in the order of the arguments.

use super::error::WebError;
use super::form::{FormFields, read_posted};
use super::visitor::Visitor;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// Who may take a page or post a form: anyone ([`Visitor`]) or a visitor with an account
/// ([`SignedIn`]).
pub trait Who: Sized + 'static {
    /// `visitor` admitted, or the answer to give them instead.
    fn admit(visitor: Visitor, req: &HttpRequest) -> Result<Self, WebError>;
}

impl Who for Visitor {
    fn admit(visitor: Visitor, _: &HttpRequest) -> Result<Visitor, WebError> {
        Ok(visitor)
    }
}

/// A visitor with an account. When nobody is signed in, the answer is 303 to the login page,
/// which comes back to the page `B` names ([`back`]).
#[derive(Debug)]
pub struct SignedIn<B = back::Here> {
    visitor: Visitor,
    back: PhantomData<B>,
}

impl<B> std::ops::Deref for SignedIn<B> {
    type Target = Visitor;

    fn deref(&self) -> &Visitor {
        &self.visitor
    }
}

impl<B: back::Back> Who for SignedIn<B> {
    fn admit(visitor: Visitor, req: &HttpRequest) -> Result<Self, WebError> {
        if visitor.logged_in() {
            Ok(SignedIn {
                visitor,
                back: PhantomData,
            })
        } else {
            let back = visitor.safe_next(B::page(req).as_deref());
            Err(WebError::login_first(&back))
        }
    }
}

impl<B: back::Back> FromRequest for SignedIn<B> {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let visitor = Visitor::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move { Self::admit(visitor.await?, &req) })
    }
}

/// The form `T` that this browser posted, and who posted it (`W`: [`Visitor`] or
/// [`SignedIn`]). The body is read within `T::LIMIT` (`web::form`); its `_csrf` field must be
/// this browser's token, masked (`web::csrf`), else the answer is 403, as a page.
#[derive(Debug)]
pub struct Posted<T, W = Visitor>(pub T, pub W);

impl<T, W> FromRequest for Posted<T, W>
where
    T: DeserializeOwned + FormFields + 'static,
    W: Who,
{
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let visitor = Visitor::from_request(req, payload);
        let form = read_posted::<T>(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let (visitor, form) = futures_util::future::join(visitor, form).await;
            let visitor = visitor?;
            let (form, token) = form.map_err(|e| visitor.error(e.into()))?;
            visitor.check_csrf(&token)?;
            Ok(Posted(form, W::admit(visitor, &req)?))
        })
    }
}

/// The pages a visitor without an account comes back to after logging in: a page that needs an
/// account comes back to itself, a form or a download to the page it sits on.
pub mod back {
    use actix_web::HttpRequest;
    use std::collections::HashMap;

    /// The address to come back to, from the request's route and parameters.
    pub trait Back: 'static {
        fn page(req: &HttpRequest) -> Option<String>;
    }

    /// The route's own address, without its query (`/me`, `/communes/{slug}/report`).
    #[derive(Debug)]
    pub struct Here;

    /// The issue's page (`/issues/{id}`).
    #[derive(Debug)]
    pub struct Issue;

    /// The petition's page (`/petitions/{id}`).
    #[derive(Debug)]
    pub struct Petition;

    /// My account (`/me`).
    #[derive(Debug)]
    pub struct Me;

    /// The watchers' page (`/watch`).
    #[derive(Debug)]
    pub struct Watch;

    /// The moderators' queue (`/moderation`).
    #[derive(Debug)]
    pub struct Moderation;

    impl Back for Here {
        fn page(req: &HttpRequest) -> Option<String> {
            // The parameters as the handler's `web::Path` reads them (percent-decoded), by name.
            let values: Vec<String> = req.match_info().load().ok()?;
            let params: HashMap<&str, String> = req
                .match_info()
                .iter()
                .map(|(name, _)| name)
                .zip(values)
                .collect();
            let pattern = req.match_pattern()?;
            let mut page = String::with_capacity(pattern.len());
            let mut rest = pattern.as_str();
            while let Some(open) = rest.find('{') {
                let close = open + rest[open..].find('}')?;
                page.push_str(&rest[..open]);
                page.push_str(params.get(&rest[open + 1..close])?);
                rest = &rest[close + 1..];
            }
            page.push_str(rest);
            Some(page)
        }
    }

    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }

    fn id(req: &HttpRequest) -> Option<i64> {
        req.match_info().load::<Id>().ok().map(|p| p.id)
    }

    impl Back for Issue {
        fn page(req: &HttpRequest) -> Option<String> {
            id(req).map(|id| format!("/issues/{id}"))
        }
    }

    impl Back for Petition {
        fn page(req: &HttpRequest) -> Option<String> {
            id(req).map(|id| format!("/petitions/{id}"))
        }
    }

    impl Back for Me {
        fn page(_: &HttpRequest) -> Option<String> {
            Some("/me".to_owned())
        }
    }

    impl Back for Watch {
        fn page(_: &HttpRequest) -> Option<String> {
            Some("/watch".to_owned())
        }
    }

    impl Back for Moderation {
        fn page(_: &HttpRequest) -> Option<String> {
            Some("/moderation".to_owned())
        }
    }
}
