//! How long ago a file was written, in words ("il y a 3 minutes",
//! "yesterday"): the "Replace?" question shows it so a person can tell
//! their own file of a minute ago from someone else's of last week. A
//! relative age needs no time zone, which the app does not know offline.

use std::time::Duration;

use crate::i18n::{Arg, I18n};

/// `age` in words, to the largest whole unit (minutes, hours, days).
pub fn age_text(i18n: &I18n, age: Duration) -> String {
    let minutes = age.as_secs() / 60;
    let (key, count) = match minutes {
        0 => ("age-now", 0),
        1..60 => ("age-minutes", minutes),
        60..1440 => ("age-hours", minutes / 60),
        _ => ("age-days", minutes / 1440),
    };
    i18n.tr_args(key, &[("count", Arg::Number(count as f64))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn ages_are_words_with_plurals() {
        let fr = I18n::new(Language::French);
        let en = I18n::new(Language::English);
        let minutes = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(age_text(&fr, Duration::from_secs(20)), "à l'instant");
        assert_eq!(age_text(&fr, minutes(1)), "il y a 1 minute");
        assert_eq!(age_text(&fr, minutes(5)), "il y a 5 minutes");
        assert_eq!(age_text(&en, minutes(125)), "2 hours ago");
        assert_eq!(age_text(&en, minutes(60)), "1 hour ago");
        assert_eq!(age_text(&fr, minutes(3 * 1440)), "il y a 3 jours");
    }
}
