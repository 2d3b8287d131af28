//! The web application: pages rendered on the server (askama templates checked at compile
//! time) over the same use-cases and policies as the REST API. Forms post and the server
//! redirects, so every page works with JavaScript off; scripts only enhance.
//!
//! A browser is known by three cookies: the session (`tawasol_session`, HttpOnly, SameSite=Lax,
//! Secure over TLS), the language chosen with the switcher (`tawasol_lang`), and the CSRF token
//! (`tawasol_csrf`) that every form repeats, masked afresh in each answer (`csrf`), in a hidden
//! field.
//!
//! A handler reads as: its address's parameters, who asks (`Visitor`, `SignedIn`) or the form
//! they posted (`Posted`), one use-case, a page or a redirect. The extractors (`extract`) answer
//! the refusals every page shares, once: a form's body too large or malformed (`form`), a CSRF
//! token that is not the browser's, the way to the login page. A handler's failures (`?` on a
//! use-case's error) become pages in the visitor's language and frame (`error`).

pub(crate) mod account;
pub(crate) mod answer;
pub(crate) mod assets;
pub(crate) mod commune;
pub(crate) mod csrf;
pub(crate) mod desk;
pub(crate) mod error;
pub(crate) mod extract;
pub(crate) mod fields;
pub(crate) mod flag;
pub(crate) mod form;
pub(crate) mod home;
pub(crate) mod issue;
pub(crate) mod labels;
pub(crate) mod language;
pub(crate) mod layout;
pub(crate) mod mail_links;
pub(crate) mod moderation;
pub(crate) mod next;
pub(crate) mod petitions;
pub(crate) mod report;
pub(crate) mod visitor;
pub(crate) mod watch;

pub use error::WebError;
pub use extract::{Posted, SignedIn, back};
pub use fields::FieldErrors;
pub use form::{FormFields, WebForm};
pub use layout::Layout;
pub use next::{NextQuery, percent_encode, safe_next};
pub use visitor::Visitor;

use crate::i18n::text;
use actix_web::HttpResponse;

pub const SESSION_COOKIE: &str = "tawasol_session";
pub const LANG_COOKIE: &str = "tawasol_lang";
pub const CSRF_COOKIE: &str = "tawasol_csrf";

/// Whether `path` belongs to the web application (pages and their forms), as opposed to the
/// REST API, Open311, the feeds and the probes.
pub fn owns(path: &str) -> bool {
    !["/api/", "/open311/", "/feeds/", "/health/"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// How the web application answers failures around its handlers (`http::surface`): its own
/// error pages go as they are, and a body too large for a page is a page in the reader's
/// language (a person sent a form); other failures before a handler (an unknown address, a bad
/// `?lang=`) are answered as problems. Its forms are read with limits of their own
/// (`web::form`).
pub const SURFACE: crate::http::surface::Surface = crate::http::surface::Surface {
    name: "web",
    owns: |path| owns(path) && !path.starts_with("/problems/"),
    render: render_failure,
    rendered: |error| error.as_error::<WebError>().is_some(),
    own_body_limit: form::is_form,
};

fn render_failure(f: &crate::http::surface::Failure<'_>) -> HttpResponse {
    use crate::http::problem::ProblemKind;
    if f.error.kind != ProblemKind::PayloadTooLarge {
        return (crate::http::surface::Surface::PROBLEMS.render)(f);
    }
    let mut res = crate::http::html::page(
        f.locale,
        &f.error.kind.title(f.locale),
        &format!(
            "<p>{}</p>",
            crate::http::html::escape(&text(f.locale, "web-form-too-large"))
        ),
    );
    *res.status_mut() = f.error.kind.status();
    res
}

/// [`routes!`](crate::routes) for the web application: each handler is [`error::Framed`], so
/// that a failure it returns is a page in the frame of the visitor's others.
macro_rules! pages {
    ($($method:ident $path:literal $access:ident => $handler:expr),* $(,)?) => {
        crate::routes![$($method $path $access => error::Framed($handler)),*]
    };
}

/// The web application's pages and forms, and the pages that mail links open.
pub fn routes() -> Vec<crate::http::routes::Route> {
    pages![
        GET "/" Public => home::home,
        GET "/static/{file}" Public => assets::file,
        GET "/lang/{code}" Public => language::switch_language,
        GET "/communes/{slug}" Public => commune::commune,
        GET "/communes/{slug}/report" Public => report::report_form,
        POST "/communes/{slug}/report" Public => report::report,
        GET "/issues/{id}" Public => issue::issue,
        POST "/issues/{id}/replies" Public => issue::reply,
        POST "/issues/{id}/support" Public => issue::support,
        POST "/issues/{id}/follow" Public => issue::follow,
        GET "/issues/{id}/flag" Public => flag::issue_form,
        POST "/issues/{id}/flag" Public => flag::flag_issue,
        GET "/replies/{id}/flag" Public => flag::reply_form,
        POST "/replies/{id}/flag" Public => flag::flag_reply,
        GET "/petitions" Public => petitions::browse::list,
        GET "/petitions/{id}" Public => petitions::page::show,
        GET "/petitions/{id}/dossier" Public => petitions::steps::dossier,
        POST "/petitions/{id}/sign" Public => petitions::signing::sign,
        POST "/petitions/{id}/withdraw" Public => petitions::signing::withdraw,
        POST "/petitions/{id}/follow" Public => petitions::signing::follow,
        POST "/petitions/{id}/step" Public => petitions::steps::step,
        GET "/communes/{slug}/petitions/new" Public => petitions::drafting::new_form,
        POST "/communes/{slug}/petitions/new" Public => petitions::drafting::create,
        POST "/issues/{id}/answer" Public => answer::answer,
        GET "/desk" Public => desk::desk,
        GET "/moderation" Public => moderation::queue,
        POST "/moderation/issues/{id}" Public => moderation::decide_issue,
        POST "/moderation/replies/{id}" Public => moderation::decide_reply,
        GET "/login" Public => account::login::login_form,
        POST "/login" Public => account::login::login,
        POST "/logout" Public => account::login::logout,
        GET "/me" Public => account::me::me,
        POST "/me/notifications" Public => account::me::set_notifications,
        GET "/me/export" Public => account::me::export,
        POST "/me/delete" Public => account::me::delete,
        POST "/me/name" Public => account::me::change_name,
        POST "/me/email" Public => account::me::change_email,
        POST "/me/password" Public => account::me::change_password,
        GET "/watch" Public => watch::watch,
        POST "/watch/feed" Public => watch::create_feed,
        GET "/organisation" Public => watch::moved,
        GET "/forgot" Public => account::forgot::forgot_form,
        POST "/forgot" Public => account::forgot::forgot,
        GET "/signup" Public => account::signup::signup_form,
        POST "/signup" Public => account::signup::signup,
        GET "/verify-email" Public => account::verify::verify_form,
        POST "/verify-email" Public => account::verify::verify_submit,
        POST "/verify-email/resend" Public => account::verify::resend,
        GET "/reset-password" Public => account::verify::reset_form,
        GET "/api/v1/unsubscribe" Public => mail_links::unsubscribe_form,
        POST "/api/v1/unsubscribe" Public => mail_links::unsubscribe,
        POST "/reset-password" Public => account::verify::reset_submit,
        GET "/confirm-email" Public => account::verify::email_change_form,
        POST "/confirm-email" Public => account::verify::email_change_submit,
    ]
}

/// This surface's part of the OpenAPI document (its operations; the schemas they name come
/// along); `crate::openapi` assembles the surfaces' parts.
#[derive(Debug, utoipa::OpenApi)]
#[openapi(paths(
    home::home,
    assets::file,
    language::switch_language,
    commune::commune,
    report::report_form,
    report::report,
    issue::issue,
    issue::reply,
    issue::support,
    issue::follow,
    flag::issue_form,
    flag::flag_issue,
    flag::reply_form,
    flag::flag_reply,
    petitions::browse::list,
    petitions::page::show,
    petitions::steps::dossier,
    petitions::signing::sign,
    petitions::signing::withdraw,
    petitions::signing::follow,
    petitions::steps::step,
    petitions::drafting::new_form,
    petitions::drafting::create,
    answer::answer,
    desk::desk,
    moderation::queue,
    moderation::decide_issue,
    moderation::decide_reply,
    account::login::login_form,
    account::login::login,
    account::login::logout,
    account::me::me,
    account::me::set_notifications,
    account::me::export,
    account::me::delete,
    account::me::change_name,
    account::me::change_email,
    account::me::change_password,
    watch::watch,
    watch::create_feed,
    watch::moved,
    account::forgot::forgot_form,
    account::forgot::forgot,
    account::signup::signup_form,
    account::signup::signup,
    account::verify::verify_form,
    account::verify::verify_submit,
    account::verify::resend,
    account::verify::reset_form,
    account::verify::reset_submit,
    account::verify::email_change_form,
    account::verify::email_change_submit,
    mail_links::unsubscribe_form,
    mail_links::unsubscribe
))]
pub struct Api;
