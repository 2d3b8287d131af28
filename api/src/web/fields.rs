//! What to correct in a refused form, said beside the field it is about (and listed once above
//! the form, announced to screen readers), on the same form, with what was typed kept.
//!
//! A form's handler turns a use-case's `Invalid` refusal into [`FieldErrors`] (any other refusal
//! stays a page of its own) and renders its form again with them. Its template imports
//! `fields.html`, calls `summary` above the form and `note` after each field's label, and gives
//! each field `aria` (`aria-invalid`, `aria-describedby` pointing at the note):
//!
//! ```text
//! {% import "fields.html" as fields %}
//! {% call fields::summary(l, errors) %}{% endcall %}
//! <label for="title">…</label>{% call fields::note(errors, "title") %}{% endcall %}
//! <input id="title" name="title"{{ errors.aria("title")|safe }} value="{{ title }}">
//! ```

use crate::i18n::text;
use crate::usecases::UseCaseError;
use tawasol_domain::Locale;

/// One thing to correct: the field it is about (its name in the form; `None`: the form as a
/// whole) and what to do, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<&'static str>,
    pub text: String,
}

/// What to correct in a form, in the reader's language; empty when nothing is wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    locale: Option<Locale>,
    items: Vec<FieldError>,
}

impl FieldErrors {
    /// Nothing to correct (a form shown for the first time).
    pub fn none() -> FieldErrors {
        FieldErrors::default()
    }

    /// What a use-case's refusal says of the fields, when it is about what was typed
    /// (`UseCaseError::Invalid`); `None` for any other refusal, which is a page of its own.
    pub fn of(locale: Locale, e: &UseCaseError) -> Option<FieldErrors> {
        let UseCaseError::Invalid(fields) = e else {
            return None;
        };
        let mut errors = FieldErrors::in_language(locale);
        for f in fields {
            errors = errors.with(f.field, f.message);
        }
        Some(errors)
    }

    /// No errors yet, to be said in `locale`.
    pub fn in_language(locale: Locale) -> FieldErrors {
        FieldErrors {
            locale: Some(locale),
            items: Vec::new(),
        }
    }

    /// This form's errors and the message `key` about `field` (each text once per field).
    pub fn with(mut self, field: &'static str, key: &str) -> FieldErrors {
        let said = text(self.locale.unwrap_or(Locale::DEFAULT), key);
        self.push(Some(field), said);
        self
    }

    /// This form's errors and a text already in the reader's language about `field` (a
    /// refusal's detail that names its field).
    pub fn with_said(mut self, field: &'static str, said: String) -> FieldErrors {
        self.push(Some(field), said);
        self
    }

    /// This form's errors and the message `key` about the form as a whole.
    pub fn with_general(mut self, key: &str) -> FieldErrors {
        let said = text(self.locale.unwrap_or(Locale::DEFAULT), key);
        self.push(None, said);
        self
    }

    /// This form's errors and a text already in the reader's language about the form as a whole
    /// (a refusal's detail).
    pub fn with_text(mut self, said: String) -> FieldErrors {
        self.push(None, said);
        self
    }

    fn push(&mut self, field: Option<&'static str>, said: String) {
        let known = self
            .items
            .iter()
            .any(|e| e.field == field && e.text == said);
        if !known {
            self.items.push(FieldError { field, text: said });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Everything to correct, in the order it was found (the list above the form).
    pub fn items(&self) -> &[FieldError] {
        &self.items
    }

    /// What to correct in `field`, its messages joined; `None` when it is right.
    pub fn on(&self, field: &str) -> Option<String> {
        let said: Vec<&str> = self
            .items
            .iter()
            .filter(|e| e.field == Some(field))
            .map(|e| e.text.as_str())
            .collect();
        (!said.is_empty()).then(|| said.join(" "))
    }

    /// The attributes that tie `field`'s input to its note, for a screen reader: ` aria-invalid`
    /// and ` aria-describedby`, or nothing when the field is right. `field` is a name written in
    /// a template (letters, digits, `_`, `-`), never something typed.
    pub fn aria(&self, field: &str) -> String {
        if self.on(field).is_some() {
            format!(r#" aria-invalid="true" aria-describedby="error-{field}""#)
        } else {
            String::new()
        }
    }

    /// These errors for the form `F`: a message about a field the form does not show (the
    /// use-case's name for something the form computes) is about the form as a whole, so that
    /// every message stands somewhere and the list links only to notes that exist.
    pub fn for_form<F: super::FormFields>(mut self) -> FieldErrors {
        for item in &mut self.items {
            let shown =
                |f: &str| F::FIELDS.iter().any(|(name, _)| *name == f) || F::GROUPS.contains(&f);
            if item.field.is_some_and(|f| !shown(f)) {
                item.field = None;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usecases::Invalid;

    #[test]
    fn a_use_case_refusal_is_said_beside_each_field_once_in_the_readers_language() {
        let refusal = UseCaseError::Invalid(vec![
            Invalid {
                field: "title",
                message: "field-missing",
            },
            Invalid {
                field: "title",
                message: "field-missing",
            },
            Invalid {
                field: "description",
                message: "field-missing",
            },
        ]);
        let errors = FieldErrors::of(Locale::Fr, &refusal).expect("about the fields");
        assert_eq!(errors.items().len(), 2, "each message once per field");
        let title = errors.on("title").expect("a note beside the title");
        assert_eq!(title, text(Locale::Fr, "field-missing"));
        assert_ne!(
            title,
            text(Locale::Ar, "field-missing"),
            "in French, not Arabic"
        );
        assert!(errors.on("address").is_none());
        assert_eq!(
            errors.aria("title"),
            r#" aria-invalid="true" aria-describedby="error-title""#
        );
        assert_eq!(errors.aria("address"), "");
    }

    #[test]
    fn a_refusal_that_is_not_about_the_fields_is_not_shown_as_field_errors() {
        assert!(FieldErrors::of(Locale::Fr, &UseCaseError::BadCredentials).is_none());
        assert!(FieldErrors::none().is_empty());
    }
}
