//! The Fabrique application: the headless command line ([`cli`]) and the
//! desktop editor ([`ui`]), both on the same engine (`geometry`, `exporters`);
//! [`check_text`] words the lab-readiness check for both.

pub mod bounded_read;
pub mod check_text;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod project;
pub mod refusal_words;
pub mod ui;
