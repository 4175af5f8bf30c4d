//! Translations with Fluent: every visible string of the editor comes from
//! `assets/i18n/{fr,en}/*.ftl` (one file per part of the app: the editor,
//! the lab check, tutorials, kiosk, the box maker, the command line), compiled into the binary so a kiosk
//! laptop never misses a file.
//!
//! The language follows the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
//! French when it is unknown (our users are in France), and can be switched
//! at once from the top bar.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages the editor speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Français: the first language of our users.
    French,
    /// English.
    English,
}

impl Language {
    /// Every language, in the order of the language menu.
    pub const ALL: [Language; 2] = [Language::French, Language::English];

    /// The language's own name, never translated, so anyone can find theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::French => "Français",
            Language::English => "English",
        }
    }

    /// The language's `.ftl` files, in loading order.
    fn sources(self) -> [&'static str; 9] {
        match self {
            Language::French => [
                include_str!("../../assets/i18n/fr/app.ftl"),
                include_str!("../../assets/i18n/fr/check.ftl"),
                include_str!("../../assets/i18n/fr/tutorials.ftl"),
                include_str!("../../assets/i18n/fr/kiosk.ftl"),
                include_str!("../../assets/i18n/fr/box.ftl"),
                include_str!("../../assets/i18n/fr/cli.ftl"),
                include_str!("../../assets/i18n/fr/appearance.ftl"),
                include_str!("../../assets/i18n/fr/import.ftl"),
                include_str!("../../assets/i18n/fr/quick.ftl"),
            ],
            Language::English => [
                include_str!("../../assets/i18n/en/app.ftl"),
                include_str!("../../assets/i18n/en/check.ftl"),
                include_str!("../../assets/i18n/en/tutorials.ftl"),
                include_str!("../../assets/i18n/en/kiosk.ftl"),
                include_str!("../../assets/i18n/en/box.ftl"),
                include_str!("../../assets/i18n/en/cli.ftl"),
                include_str!("../../assets/i18n/en/appearance.ftl"),
                include_str!("../../assets/i18n/en/import.ftl"),
                include_str!("../../assets/i18n/en/quick.ftl"),
            ],
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Language::French => "fr-FR",
            Language::English => "en-GB",
        }
    }

    /// The language of a POSIX locale string such as `fr_FR.UTF-8` or `en`.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Language::French)
        } else if lower.starts_with("en") {
            Some(Language::English)
        } else {
            None
        }
    }

    /// The system's language from the usual environment variables, in
    /// POSIX priority order; French when none names a language we speak.
    pub fn from_environment() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Language::from_locale(&value))
            .unwrap_or(Language::French)
    }
}

/// The loaded translations and the current language.
pub struct I18n {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl I18n {
    /// Translations for `language`.
    pub fn new(language: Language) -> Self {
        Self {
            language,
            bundle: bundle_for(language),
        }
    }

    /// The current language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Switches language; the next frame is drawn in it.
    pub fn set_language(&mut self, language: Language) {
        if language != self.language {
            *self = Self::new(language);
        }
    }

    /// The language's decimal separator: ',' in French, '.' in English.
    pub fn decimal_separator(&self) -> char {
        match self.language() {
            Language::French => ',',
            Language::English => '.',
        }
    }

    /// `value` with at most `decimals` decimals, trailing zeros dropped,
    /// written with the language's decimal separator ("597,66" in French).
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        let text = if text == "-0" { "0" } else { text };
        text.replace('.', &self.decimal_separator().to_string())
    }

    /// The translation of `key`; the key itself when it is missing, so a
    /// forgotten string shows up in screenshots instead of vanishing.
    pub fn tr(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The translation of `key` with named arguments (numbers or text).
    pub fn tr_args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.clone())),
            }
        }
        self.format(key, Some(&fluent_args))
    }

    /// `true` when the current language has a message for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text: Cow<str> = self.bundle.format_pattern(pattern, args, &mut errors);
        text.into_owned()
    }
}

/// An argument of a translated message.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A number, formatted by Fluent (plural rules apply).
    Number(f64),
    /// Text inserted as is.
    Text(String),
}

fn bundle_for(language: Language) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = language
        .tag()
        .parse()
        .unwrap_or_else(|_| LanguageIdentifier::default());
    let mut bundle = FluentBundle::new(vec![langid]);
    // egui draws the invisible bidi isolation marks as boxes.
    bundle.set_use_isolating(false);
    for source in language.sources() {
        // A syntax error in one message keeps the others: the parser recovers.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _errors)) => resource,
        };
        // Duplicate keys are our bug, caught by the tests below; keep the first.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Every message key of a `.ftl` source (lines that start a message).
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_have_the_same_keys_and_parse() {
        let keys = |language: Language| -> Vec<String> {
            language
                .sources()
                .iter()
                .flat_map(|s| message_keys(s))
                .collect()
        };
        let fr = keys(Language::French);
        let en = keys(Language::English);
        let missing_en: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let missing_fr: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(missing_en.is_empty(), "missing in en/: {missing_en:?}");
        assert!(missing_fr.is_empty(), "missing in fr/: {missing_fr:?}");
        let mut unique = fr.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), fr.len(), "a key is defined twice in fr/");
        for language in Language::ALL {
            for source in language.sources() {
                assert!(FluentResource::try_new(source.to_owned()).is_ok());
            }
            let i18n = I18n::new(language);
            for key in &fr {
                assert!(i18n.has(key), "{key}");
            }
        }
    }

    #[test]
    fn locale_strings_pick_a_language() {
        assert_eq!(Language::from_locale("fr_FR.UTF-8"), Some(Language::French));
        assert_eq!(Language::from_locale("en_GB"), Some(Language::English));
        assert_eq!(Language::from_locale("C"), None);
    }

    #[test]
    fn arguments_are_formatted_without_isolation_marks() {
        let i18n = I18n::new(Language::French);
        let text = i18n.tr_args("status-shape-count", &[("count", Arg::Number(3.0))]);
        assert!(!text.contains('\u{2068}'), "{text}");
        assert!(text.contains('3'));
    }
}
