//! A bound on usvg's repair of self-referencing paint servers and effects.
//!
//! A pattern whose content is filled with the pattern itself (or a clip
//! path clipped by itself, a mask masked by itself, a filter filtered by
//! itself, directly or through one linked element) would recurse forever,
//! so usvg repairs each such link. But it finds them one at a time, scanning
//! the whole document again after each repair: a hostile file with
//! thousands of them among a million elements would keep it busy for
//! minutes. We count the repairs and the scan cost first.
//!
//! Links set from a `<style>` sheet are not seen here; a sheet with a rule
//! per link is bounded by [`super::MAX_STYLE_MATCHES`] instead.

use std::collections::HashMap;

use usvg::roxmltree::{Document, Node};

use super::error::ImportError;

/// Most document nodes usvg may visit while repairing self-references
/// (about 2.5 ns each): a fraction of a second.
pub const MAX_REPAIR_WORK: u64 = 200_000_000;

/// The elements usvg checks, and the properties that link back to them.
const CONTAINERS: [(&str, &[&str]); 4] = [
    ("pattern", &["fill", "stroke"]),
    ("clipPath", &["clip-path"]),
    ("mask", &["mask"]),
    ("filter", &["filter"]),
];

/// Refuses `doc` when repairing its self-references would cost usvg more
/// than [`MAX_REPAIR_WORK`]; `elements` is the document's size as usvg
/// sees it (`<use>` expanded).
pub(super) fn check(
    doc: &Document,
    ids: &HashMap<&str, Node>,
    elements: u64,
) -> Result<(), ImportError> {
    let mut repairs: u64 = 0;
    // Nodes one of usvg's scans visits besides the document itself.
    let mut scan: u64 = 0;
    for container in doc.descendants() {
        let name = container.tag_name().name();
        let Some((_, properties)) = CONTAINERS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let Some(id) = container.attribute("id") else {
            continue;
        };
        for inner in container.descendants() {
            for target in links(inner, properties) {
                if target == id {
                    repairs += 1;
                    continue;
                }
                let Some(linked) = ids.get(target) else {
                    continue;
                };
                for node in linked.descendants() {
                    scan += 1;
                    if scan > MAX_REPAIR_WORK {
                        return Err(ImportError::TooManySelfReferences { count: repairs });
                    }
                    if links(node, properties).any(|t| t == id) {
                        repairs += 1;
                    }
                }
            }
        }
    }
    let work = repairs.saturating_mul(elements.saturating_add(scan));
    if work > MAX_REPAIR_WORK {
        return Err(ImportError::TooManySelfReferences { count: repairs });
    }
    Ok(())
}

/// Ids that `node` links to through `properties`, as attributes or inside
/// its `style` attribute.
fn links<'a>(node: Node<'a, '_>, properties: &'a [&str]) -> impl Iterator<Item = &'a str> {
    let attributes = properties.iter().filter_map(move |p| node.attribute(*p));
    let styles = node
        .attribute("style")
        .into_iter()
        .flat_map(|style| style.split(';'))
        .filter_map(move |declaration| {
            let (key, value) = declaration.split_once(':')?;
            properties.contains(&key.trim()).then_some(value)
        });
    attributes.chain(styles).filter_map(url_id)
}

/// `p1` in `url(#p1)`, `url('#p1') none` and the like.
fn url_id(value: &str) -> Option<&str> {
    let inside = value.trim().strip_prefix("url(")?;
    let inside = inside.get(..inside.find(')')?)?;
    let inside = inside.trim().trim_matches(|c| c == '"' || c == '\'');
    inside.strip_prefix('#')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn check_text(text: &str) -> Result<(), ImportError> {
        let doc = Document::parse(text).unwrap();
        let ids = doc
            .descendants()
            .filter_map(|n| Some((n.attribute("id")?, n)))
            .collect();
        let elements = doc.descendants().filter(Node::is_element).count() as u64;
        check(&doc, &ids, elements)
    }

    #[test]
    fn links_are_read_from_attributes_and_styles() {
        assert_eq!(url_id("url(#p1)"), Some("p1"));
        assert_eq!(url_id(" url( '#p1' ) none"), Some("p1"));
        assert_eq!(url_id("red"), None);
        assert_eq!(url_id("url(other.svg#p)"), None);
    }

    #[test]
    fn a_few_self_references_are_fine_thousands_are_not() {
        let pattern = |i: usize| {
            format!("<pattern id='p{i}'><rect style='stroke:red; fill: url(#p{i})'/></pattern>")
        };
        let filler = "<g/>".repeat(100_000);
        let few = format!("<svg>{}{filler}</svg>", pattern(0));
        assert_eq!(check_text(&few), Ok(()));
        let many: String = (0..3000).map(pattern).collect();
        let text = format!("<svg>{many}{filler}</svg>");
        assert_eq!(
            check_text(&text),
            Err(ImportError::TooManySelfReferences { count: 3000 })
        );
    }

    #[test]
    fn one_hop_back_references_count() {
        let text = "<svg><clipPath id='c'><use href='#r' clip-path='url(#g)'/></clipPath>\
                    <g id='g'><rect clip-path='url(#c)'/></g></svg>";
        let doc = Document::parse(text).unwrap();
        let ids = doc
            .descendants()
            .filter_map(|n| Some((n.attribute("id")?, n)))
            .collect();
        assert_eq!(
            check(&doc, &ids, MAX_REPAIR_WORK),
            Err(ImportError::TooManySelfReferences { count: 1 })
        );
        assert_eq!(check(&doc, &ids, 10), Ok(()));
    }
}
