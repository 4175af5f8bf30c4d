//! Checks on the parsed XML tree before usvg converts it: how deep it nests,
//! how much it grows once every `<use>` and marker is expanded, how much
//! text it lays out, how much CSS matching and self-reference repair
//! ([`super::links`]) it costs.
//!
//! Each check is linear in the size of the file (each element is costed
//! once and remembered) and never recurses deeper than [`MAX_DEPTH`], so it
//! is itself safe on the hostile files it is there to refuse.

use std::collections::HashMap;
use std::ops::Range;

use usvg::roxmltree::{Document, Node, NodeId};

use super::error::ImportError;
use super::limits::{MAX_DEPTH, MAX_ELEMENTS, MAX_STYLE_MATCHES, MAX_TEXT_CHARS};

/// Elements whose text children usvg lays out.
const TEXT_ELEMENTS: [&str; 3] = ["text", "tspan", "textPath"];

/// Refuses documents nested deeper than [`MAX_DEPTH`], growing beyond
/// [`MAX_ELEMENTS`] once `<use>` and markers are expanded, with more than
/// [`MAX_TEXT_CHARS`] of text, or costing more than [`MAX_STYLE_MATCHES`]
/// or [`super::MAX_REPAIR_WORK`].
///
/// Returns the byte ranges (in the input text) of `href` values the caller
/// must blank before parsing again:
/// - those of `<use>` elements that close a loop: browsers draw nothing for
///   them, while usvg drops only the simplest loops and follows the others
///   to its own depth limit;
/// - those of `<tref>`: SVG 2 removed it and no browser draws it, and usvg
///   searches the whole document for each one (quadratic on a hostile file).
///
/// The costs computed here already leave those references out.
pub(super) fn check_structure(doc: &Document) -> Result<Vec<Range<usize>>, ImportError> {
    check_plain_depth(doc)?;
    let ids: HashMap<&str, Node> = doc
        .descendants()
        .filter_map(|n| Some((n.attribute("id")?, n)))
        .collect();
    let mut walk = Walk {
        ids,
        memo: vec![Visit::New; doc.descendants().count() + 1],
        blanked: Vec::new(),
    };
    let total = walk.visit(doc.root_element(), 1)?;
    // usvg copies a marker's content at each vertex of each path using it.
    // Which paths use which marker depends on CSS, so assume the worst: the
    // biggest marker at every vertex of the file.
    let biggest_marker = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "marker")
        .filter_map(|n| match walk.memo_of(n.id()) {
            Visit::Done(cost) => Some(cost.elements.saturating_sub(1)),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let with_markers = total
        .elements
        .saturating_add(biggest_marker.saturating_mul(total.vertices));
    if with_markers > u64::from(MAX_ELEMENTS) {
        return Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
    }
    super::links::check(doc, &walk.ids, total.elements)?;
    // usvg matches every CSS rule against every element it creates.
    let rules = style_rules(doc);
    if rules.saturating_mul(total.elements) > MAX_STYLE_MATCHES {
        return Err(ImportError::StyleTooComplex {
            rules,
            elements: total.elements,
        });
    }
    Ok(walk.blanked)
}

/// A generous count of the CSS rules in the `<style>` elements: their
/// opening braces.
fn style_rules(doc: &Document) -> u64 {
    doc.descendants()
        .filter(|n| n.tag_name().name() == "style")
        .flat_map(|n| n.children())
        .filter_map(|n| n.text())
        .map(|t| t.matches('{').count() as u64)
        .sum()
}

/// Nesting of the XML as written, without recursion: roxmltree stores nodes
/// in document order, so a parent is always met before its children.
fn check_plain_depth(doc: &Document) -> Result<(), ImportError> {
    let mut depths: Vec<usize> = Vec::new();
    for node in doc.descendants() {
        let parent_depth = node
            .parent()
            .and_then(|p| depths.get(p.id().get_usize()).copied())
            .unwrap_or(0);
        let depth = parent_depth + usize::from(node.is_element());
        if depth > MAX_DEPTH {
            return Err(ImportError::TooDeep { max: MAX_DEPTH });
        }
        let index = node.id().get_usize();
        if depths.len() <= index {
            depths.resize(index + 1, 0);
        }
        if let Some(slot) = depths.get_mut(index) {
            *slot = depth;
        }
    }
    Ok(())
}

/// What a subtree costs usvg, every `<use>` expanded.
#[derive(Clone, Copy, Debug, Default)]
struct Cost {
    /// Levels of elements, the subtree's root included.
    height: usize,
    elements: u64,
    text_chars: u64,
    /// A generous estimate of the path vertices (where markers go).
    vertices: u64,
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.height = self.height.max(other.height);
        self.elements = self.elements.saturating_add(other.elements);
        self.text_chars = self.text_chars.saturating_add(other.text_chars);
        self.vertices = self.vertices.saturating_add(other.vertices);
    }

    fn check(&self) -> Result<(), ImportError> {
        if self.elements > u64::from(MAX_ELEMENTS) {
            return Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
        }
        if self.text_chars > MAX_TEXT_CHARS {
            return Err(ImportError::TooMuchText {
                max: MAX_TEXT_CHARS,
            });
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Visit {
    New,
    InProgress,
    Done(Cost),
}

struct Walk<'a, 'input> {
    ids: HashMap<&'a str, Node<'a, 'input>>,
    memo: Vec<Visit>,
    /// `href` value ranges to blank: `<use>` closing a loop, `<tref>`.
    blanked: Vec<Range<usize>>,
}

impl<'a, 'input> Walk<'a, 'input> {
    /// The cost of `node`'s subtree, `node` sitting at `depth`. Recursion
    /// stops at [`MAX_DEPTH`].
    fn visit(&mut self, node: Node<'a, 'input>, depth: usize) -> Result<Cost, ImportError> {
        if depth > MAX_DEPTH {
            return Err(ImportError::TooDeep { max: MAX_DEPTH });
        }
        match self.memo_of(node.id()) {
            Visit::Done(cost) => {
                if depth + cost.height - 1 > MAX_DEPTH {
                    return Err(ImportError::TooDeep { max: MAX_DEPTH });
                }
                return Ok(cost);
            }
            // Only a `<use>` can lead back to an element being visited, and
            // those are caught before recursing; a loop is endlessly deep.
            Visit::InProgress => return Err(ImportError::TooDeep { max: MAX_DEPTH }),
            Visit::New => {}
        }
        self.set_memo(node.id(), Visit::InProgress);
        let mut cost = Cost::default();
        for child in node.children().filter(Node::is_element) {
            cost.add(self.visit(child, depth + 1)?);
            cost.check()?;
        }
        if let Some(target) = self.use_target(node) {
            if matches!(self.memo_of(target.id()), Visit::InProgress) {
                self.blank_href(node);
            } else {
                cost.add(self.visit(target, depth + 1)?);
                cost.check()?;
            }
        }
        if node.tag_name().name() == "tref" {
            self.blank_href(node);
        }
        cost.height += 1;
        cost.elements = cost.elements.saturating_add(1);
        cost.text_chars = cost.text_chars.saturating_add(own_text_chars(node));
        cost.vertices = cost.vertices.saturating_add(vertex_estimate(node));
        cost.check()?;
        self.set_memo(node.id(), Visit::Done(cost));
        Ok(cost)
    }

    fn blank_href(&mut self, node: Node) {
        self.blanked.extend(
            node.attributes()
                .filter(|a| a.name() == "href" && !a.value().is_empty())
                .map(|a| a.range_value()),
        );
    }

    /// The element a `<use>` points to inside this file, if any.
    fn use_target(&self, node: Node<'a, 'input>) -> Option<Node<'a, 'input>> {
        if node.tag_name().name() != "use" {
            return None;
        }
        let href = node
            .attributes()
            .find(|a| a.name() == "href")
            .map(|a| a.value())?;
        self.ids.get(href.strip_prefix('#')?).copied()
    }

    fn memo_of(&self, id: NodeId) -> Visit {
        self.memo.get(id.get_usize()).copied().unwrap_or(Visit::New)
    }

    fn set_memo(&mut self, id: NodeId, visit: Visit) {
        if let Some(slot) = self.memo.get_mut(id.get_usize()) {
            *slot = visit;
        }
    }
}

/// Characters of the text laid out directly by `node`.
fn own_text_chars(node: Node) -> u64 {
    if !TEXT_ELEMENTS.contains(&node.tag_name().name()) {
        return 0;
    }
    // Only text nodes: an element's `text()` is its first child's text.
    node.children()
        .filter(Node::is_text)
        .filter_map(|c| c.text())
        .map(|t| t.chars().count() as u64)
        .sum()
}

/// At least the number of vertices of `node`'s path data or points: half
/// the numbers in them, plus the end points.
fn vertex_estimate(node: Node) -> u64 {
    let numbers = |s: &str| {
        let mut previous = ' ';
        let mut count = 0u64;
        for c in s.chars() {
            if c.is_ascii_digit() && !previous.is_ascii_digit() && previous != '.' {
                count += 1;
            }
            previous = c;
        }
        count
    };
    let data = node.attribute("d").or_else(|| node.attribute("points"));
    let shape = matches!(
        node.tag_name().name(),
        "line" | "rect" | "circle" | "ellipse"
    );
    match data {
        Some(data) => numbers(data) / 2 + 2,
        None if shape => 4,
        None => 0,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn structure(text: &str) -> Result<(), ImportError> {
        let doc = Document::parse(text).unwrap();
        check_structure(&doc).map(|blanked| assert!(blanked.is_empty(), "{blanked:?}"))
    }

    /// The `href` values to blank.
    fn blanked(text: &str) -> Vec<&str> {
        let doc = Document::parse(text).unwrap();
        let ranges = check_structure(&doc).unwrap();
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn deep_nesting_is_refused() {
        let nested = |n: usize| format!("<svg>{}{}</svg>", "<g>".repeat(n), "</g>".repeat(n));
        assert_eq!(structure(&nested(MAX_DEPTH - 1)), Ok(()));
        let too_deep = Err(ImportError::TooDeep { max: MAX_DEPTH });
        assert_eq!(structure(&nested(MAX_DEPTH)), too_deep);
        assert_eq!(structure(&nested(5000)), too_deep);
    }

    #[test]
    fn use_chains_count_towards_depth_and_size() {
        // Each level uses the previous one twice: 2^40 elements once expanded.
        let mut defs = String::from("<rect id='l0' width='1' height='1'/>");
        for i in 1..40 {
            let p = i - 1;
            defs.push_str(&format!(
                "<g id='l{i}'><use href='#l{p}'/><use href='#l{p}'/></g>"
            ));
        }
        let text = format!("<svg><defs>{defs}</defs><use href='#l39'/></svg>");
        let too_many = Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
        assert_eq!(structure(&text), too_many);
        // A chain of single uses, each adding two levels.
        let mut defs = String::from("<rect id='c0' width='1' height='1'/>");
        for i in 1..200 {
            defs.push_str(&format!("<g id='c{i}'><use href='#c{}'/></g>", i - 1));
        }
        let text = format!("<svg><defs>{defs}</defs><use href='#c199'/></svg>");
        let too_deep = Err(ImportError::TooDeep { max: MAX_DEPTH });
        assert_eq!(structure(&text), too_deep);
    }

    #[test]
    fn trefs_are_blanked() {
        let text = "<svg><text id='t'>Hi</text><text><tref href='#t'/></text></svg>";
        assert_eq!(blanked(text), ["#t"]);
    }

    #[test]
    fn use_loops_are_found() {
        let text = "<svg><g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g></svg>";
        assert_eq!(blanked(text), ["#a"]);
        let text = "<svg><g id='s'><rect/><use xlink:href='#s' xmlns:xlink='x'/></g></svg>";
        assert_eq!(blanked(text), ["#s"]);
        // Using the same element twice is no loop.
        let text = "<svg><rect id='r'/><use href='#r'/><use href='#r'/></svg>";
        assert_eq!(structure(text), Ok(()));
    }

    #[test]
    fn text_is_counted_through_uses() {
        let words = "abcdefghij".repeat(100);
        let one = format!("<svg><text id='t'>{words}<tspan>{words}</tspan></text></svg>");
        assert_eq!(structure(&one), Ok(()));
        // Nested elements are counted once: 10 × 1,900 characters.
        let nested = format!("<text><textPath>{}</textPath></text>", "x".repeat(1900));
        let ten = format!("<svg>{}</svg>", nested.repeat(10));
        assert_eq!(structure(&ten), Ok(()));
        let uses = "<use href='#t'/>".repeat(30);
        let many = format!("<svg><defs><text id='t'>{words}</text></defs>{uses}</svg>");
        let too_much = Err(ImportError::TooMuchText {
            max: MAX_TEXT_CHARS,
        });
        assert_eq!(structure(&many), too_much);
        // Text outside <text> (titles, descriptions, styles) is not laid out.
        let desc = format!("<svg><desc>{}</desc></svg>", words.repeat(100));
        assert_eq!(structure(&desc), Ok(()));
    }

    #[test]
    fn style_sheets_are_bounded_by_the_elements_they_style() {
        let rules: String = (0..1000).map(|i| format!(".c{i} {{fill:red}}\n")).collect();
        let elements = |n: usize| "<rect class='c1'/>".repeat(n);
        let text = format!("<svg><style>{rules}</style>{}</svg>", elements(100));
        assert_eq!(structure(&text), Ok(()));
        let text = format!("<svg><style>{rules}</style>{}</svg>", elements(30_000));
        assert_eq!(
            structure(&text),
            Err(ImportError::StyleTooComplex {
                rules: 1000,
                elements: 30_002
            })
        );
    }

    #[test]
    fn markers_on_long_paths_are_counted() {
        let marker = format!("<marker id='m'>{}</marker>", "<rect/>".repeat(10));
        let points: String = (0..200_000).map(|i| format!("{i},{i} ")).collect();
        let text = format!("<svg>{marker}<polyline points='{points}'/></svg>");
        let too_many = Err(ImportError::TooManyElements { max: MAX_ELEMENTS });
        assert_eq!(structure(&text), too_many);
        // An arrow head on a dimension line is fine.
        let text = format!("<svg>{marker}<path d='M 0 0 L 100 0'/></svg>");
        assert_eq!(structure(&text), Ok(()));
    }
}
