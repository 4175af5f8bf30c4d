//! Fabrique app.
