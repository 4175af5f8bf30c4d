//! A cheap look at the DTD before parsing, to refuse entity bombs and
//! external entities.
//!
//! roxmltree already refuses entity loops and the classic "billion laughs"
//! (more than 255 references under one reference, or nesting beyond 10),
//! but it allows any number of references at the top level: a 1 MiB entity
//! referenced a million times ("quadratic blow-up") would still expand to a
//! terabyte. So before parsing we read the `<!ENTITY>` declarations, compute
//! how long each one expands to, and add that up over every reference in the
//! file. The scan is deliberately rough and errs on the side of counting too
//! much (references inside the DTD itself are counted twice); files without
//! `<!ENTITY` skip it entirely.
//!
//! External entities (`SYSTEM` or `PUBLIC`) are never fetched: roxmltree has
//! no resolver from us, so it drops them. A file that *uses* one is refused
//! with [`ImportError::ExternalReference`] naming it, rather than with a
//! puzzling "unknown entity" error.

use std::collections::HashMap;

use super::error::ImportError;

/// Most bytes all entity references of a file may expand to. Real SVG files
/// use entities only for a few namespace URIs (Adobe Illustrator), a few
/// hundred bytes in all.
pub const MAX_ENTITY_EXPANSION_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest chain of entities referring to entities (roxmltree's own limit).
const MAX_ENTITY_NESTING: usize = 10;

/// Longest entity name we look for; longer "names" are not references.
const MAX_NAME_LEN: usize = 256;

enum Definition<'a> {
    Internal(&'a str),
    External(&'a str),
}

/// Refuses `text` if its entity references would expand beyond
/// [`MAX_ENTITY_EXPANSION_BYTES`], loop, or use an external entity.
pub(super) fn check(text: &str) -> Result<(), ImportError> {
    if !text.contains("<!ENTITY") {
        return Ok(());
    }
    let mut general = HashMap::new();
    let mut parameter = HashMap::new();
    for declaration in text.split("<!ENTITY").skip(1) {
        if let Some((is_parameter, name, definition)) = parse_declaration(declaration) {
            let map = if is_parameter {
                &mut parameter
            } else {
                &mut general
            };
            // XML: the first declaration of a name wins.
            map.entry(name).or_insert(definition);
        }
    }
    let mut total: u64 = 0;
    for (marker, map) in [('&', &general), ('%', &parameter)] {
        let mut memo = HashMap::new();
        for name in references(text, marker) {
            if map.contains_key(name) {
                total = total.saturating_add(expanded(name, map, &mut memo, 0)?.0);
            }
        }
    }
    if total > MAX_ENTITY_EXPANSION_BYTES {
        return Err(ImportError::EntityExpansion);
    }
    Ok(())
}

/// `(is_parameter, name, definition)` of the text following `<!ENTITY`.
fn parse_declaration(rest: &str) -> Option<(bool, &str, Definition<'_>)> {
    let rest = rest.trim_start();
    let (is_parameter, rest) = match rest.strip_prefix('%') {
        Some(after) => (true, after.trim_start()),
        None => (false, rest),
    };
    let end = rest.find(|c: char| c.is_whitespace())?;
    let (name, rest) = (&rest[..end], rest[end..].trim_start());
    let definition = if let Some(after) = rest.strip_prefix("SYSTEM") {
        Definition::External(quoted(after.trim_start())?.0)
    } else if let Some(after) = rest.strip_prefix("PUBLIC") {
        let (_public_id, after) = quoted(after.trim_start())?;
        Definition::External(quoted(after.trim_start())?.0)
    } else {
        Definition::Internal(quoted(rest)?.0)
    };
    Some((is_parameter, name, definition))
}

/// The quoted literal at the start of `text` and what follows it.
fn quoted(text: &str) -> Option<(&str, &str)> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &text[1..];
    let end = body.find(quote)?;
    Some((&body[..end], &body[end + 1..]))
}

/// Names of the `&name;` (or `%name;`) references in `text`.
fn references(text: &str, marker: char) -> impl Iterator<Item = &str> {
    text.split(marker).skip(1).filter_map(|after| {
        let end = after
            .char_indices()
            .take(MAX_NAME_LEN + 1)
            .find_map(|(i, c)| {
                if c == ';' {
                    Some(Some(i))
                } else if c.is_whitespace() || "&%<>\"'".contains(c) {
                    Some(None)
                } else {
                    None
                }
            })??;
        (end > 0).then(|| &after[..end])
    })
}

/// Length `name` expands to, and how many entities deep that goes.
fn expanded<'a>(
    name: &'a str,
    map: &HashMap<&'a str, Definition<'a>>,
    memo: &mut HashMap<&'a str, Option<(u64, usize)>>,
    depth: usize,
) -> Result<(u64, usize), ImportError> {
    match memo.get(name) {
        Some(Some(done)) => return Ok(*done),
        // Still being computed: the entity refers to itself.
        Some(None) => return Err(ImportError::EntityExpansion),
        None => {}
    }
    if depth > MAX_ENTITY_NESTING {
        return Err(ImportError::EntityExpansion);
    }
    let value = match map.get(name) {
        Some(Definition::Internal(value)) => *value,
        Some(Definition::External(href)) => {
            return Err(ImportError::ExternalReference {
                href: (*href).to_owned(),
            });
        }
        None => return Ok((0, 0)),
    };
    memo.insert(name, None);
    let (mut len, mut height) = (value.len() as u64, 1);
    for inner in references(value, '&') {
        if map.contains_key(inner) {
            let (inner_len, inner_height) = expanded(inner, map, memo, depth + 1)?;
            len = len.saturating_add(inner_len);
            height = height.max(inner_height + 1);
        }
    }
    if height > MAX_ENTITY_NESTING {
        return Err(ImportError::EntityExpansion);
    }
    memo.insert(name, Some((len, height)));
    Ok((len, height))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn doc(dtd: &str, body: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n{dtd}\n]>\n<svg>{body}</svg>")
    }

    #[test]
    fn harmless_entities_pass() {
        let text = doc(
            r#"<!ENTITY ns_svg "http://www.w3.org/2000/svg">"#,
            "<g id=\"&ns_svg;\">&amp; &#x41; 50%;</g>",
        );
        assert_eq!(check(&text), Ok(()));
        assert_eq!(check("<svg width=\"100%\"/>"), Ok(()));
    }

    #[test]
    fn quadratic_blow_up_is_refused() {
        let big = "x".repeat(100_000);
        let refs = "&big;".repeat(200);
        let text = doc(&format!("<!ENTITY big \"{big}\">"), &refs);
        assert_eq!(check(&text), Err(ImportError::EntityExpansion));
    }

    #[test]
    fn loops_and_deep_chains_are_refused() {
        let text = doc("<!ENTITY a \"&b;\"><!ENTITY b '&a;'>", "&a;");
        assert_eq!(check(&text), Err(ImportError::EntityExpansion));
        let mut dtd = String::from("<!ENTITY e0 \"x\">");
        for i in 1..20 {
            dtd.push_str(&format!("<!ENTITY e{i} \"&e{};\">", i - 1));
        }
        assert_eq!(
            check(&doc(&dtd, "&e19;")),
            Err(ImportError::EntityExpansion)
        );
    }

    #[test]
    fn used_external_entities_are_named() {
        let dtd = r#"<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY pub PUBLIC "-//x//EN" 'http://example.com/x'>"#;
        assert_eq!(check(&doc(dtd, "")), Ok(()));
        assert_eq!(
            check(&doc(dtd, "&xxe;")),
            Err(ImportError::ExternalReference {
                href: "file:///etc/passwd".to_owned()
            })
        );
        let parameter = r#"<!ENTITY % remote SYSTEM "http://example.com/evil.dtd"> %remote;"#;
        assert_eq!(
            check(&doc(parameter, "")),
            Err(ImportError::ExternalReference {
                href: "http://example.com/evil.dtd".to_owned()
            })
        );
        assert_eq!(
            check(&doc(dtd, "<g id='&pub;'/>")),
            Err(ImportError::ExternalReference {
                href: "http://example.com/x".to_owned()
            })
        );
    }
}
