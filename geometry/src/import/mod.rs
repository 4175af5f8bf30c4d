//! Importing files into documents (in progress).
