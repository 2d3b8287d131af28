//! HTML helpers shared by pages and mails.

pub use tawasol_app::html::escape;

/// A complete page in `locale` (with `lang` and `dir`), its `<title>` and `<h1>` from `title`
/// (escaped here) and `body` (HTML, already escaped by the caller).
pub fn page(locale: tawasol_domain::Locale, title: &str, body: &str) -> actix_web::HttpResponse {
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/static/tawasol.css\"></head><body>\
         <header><nav><a class=\"brand\" href=\"/\">{site}</a></nav></header>\
         <main id=\"main\"><h1>{title}</h1>\n{body}\n</main></body></html>\n",
        lang = locale.as_str(),
        dir = locale.direction().as_str(),
        title = escape(title),
        site = escape(&crate::i18n::text(locale, "site-name")),
    );
    actix_web::HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((actix_web::http::header::CONTENT_LANGUAGE, locale.as_str()))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(html)
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            super::escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(super::escape("طنجة ⵟⴰⵏⵊⴰ"), "طنجة ⵟⴰⵏⵊⴰ");
    }
}
