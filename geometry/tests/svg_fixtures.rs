//! Every SVG fixture of `tests/fixtures/svg/` through [`import_svg`]: the
//! good ones must come out at their exact physical size (page, bounds and
//! filled area in mm), the hostile ones must fail with the right
//! [`ImportError`]. The fixtures' README lists what each one checks.

#![allow(clippy::unwrap_used)] // Tests: a failed unwrap is a failed test.

use std::f64::consts::PI;
use std::path::PathBuf;

use geometry::import::{
    Ignored, ImportError, MAX_DEPTH, MAX_ELEMENTS, MAX_TEXT_CHARS, SvgImport, import_svg,
};
use geometry::outline::{shape_bounds, shape_region, union_region};
use geometry::{Fill, FillRule, LaserRole};

/// Flattening tolerance for areas: fine enough that circles are within 1e-4
/// relative of π r².
const TOLERANCE_MM: f64 = 0.001;

/// Relative error allowed on areas: usvg draws circles and arcs as four
/// cubic Béziers per turn, which bulge out by 2.7e-4 of the radius, so a
/// disc comes out about 2.3e-4 too large.
const AREA_REL_EPS: f64 = 5e-4;

/// How far a bound may be from its expected value: usvg computes in `f32`,
/// whose step near 400 px is 3e-5 px, about 1e-5 mm.
const BOUNDS_EPS_MM: f64 = 1e-3;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/svg")
}

fn read(name: &str) -> Vec<u8> {
    let path = fixture_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import_fixture(name: &str) -> Result<SvgImport, ImportError> {
    import_svg(&read(name))
}

/// What a good fixture must give.
struct Expected {
    name: &'static str,
    page: Option<(f64, f64)>,
    /// `[x0, y0, x1, y1]` of every shape's outline together, mm, Y up.
    bounds: [f64; 4],
    /// Union of the filled areas, mm².
    area: f64,
    shapes: usize,
}

const fn good(
    name: &'static str,
    page: Option<(f64, f64)>,
    bounds: [f64; 4],
    area: f64,
    shapes: usize,
) -> Expected {
    Expected {
        name,
        page,
        bounds,
        area,
        shapes,
    }
}

const UNIT_SQUARE: [f64; 4] = [10.0, 20.0, 60.0, 70.0];

/// Kept one case per line, as a table.
#[rustfmt::skip]
fn good_cases() -> Vec<Expected> {
    let p = |w, h| Some((w, h));
    let (star_x, star_y) = (20.0 * (PI / 5.0).cos(), 20.0 * (2.0 * PI / 5.0).sin());
    let px = 25.4 / 96.0;
    vec![
        good("unit_mm.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_cm.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_in.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_pt.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_pc.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_px.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("unit_unitless.svg", p(100.0, 80.0), UNIT_SQUARE, 2500.0, 1),
        good("viewbox_meet.svg", p(100.0, 50.0), [25.0, 0.0, 75.0, 50.0], 2500.0, 1),
        good("viewbox_slice.svg", p(100.0, 50.0), [40.0, 15.0, 60.0, 35.0], 400.0, 1),
        good("viewbox_none.svg", p(100.0, 50.0), [10.0, 35.0, 30.0, 45.0], 200.0, 1),
        good("viewbox_xminymax.svg", p(50.0, 100.0), [0.0, 0.0, 50.0, 50.0], 2500.0, 1),
        good("viewbox_xmaxymid_meet.svg", p(100.0, 50.0), [50.0, 0.0, 100.0, 50.0], 2500.0, 1),
        good("viewbox_xminymin_slice.svg", p(100.0, 50.0), [40.0, 20.0, 60.0, 40.0], 400.0, 1),
        good("viewbox_offset.svg", p(100.0, 100.0), [25.0, 25.0, 75.0, 75.0], PI * 625.0, 1),
        good("nested_svg.svg", p(100.0, 100.0), [20.0, 40.0, 60.0, 80.0], 1600.0, 1),
        good("use_symbol.svg", p(100.0, 100.0), [10.0, 40.0, 90.0, 90.0], 600.0, 3),
        good("transforms.svg", p(100.0, 100.0), [10.0, 50.0 - 200f64.sqrt(), 50.0 + 200f64.sqrt(), 90.0], 550.0, 2),
        good("fill_rule_evenodd.svg", p(60.0, 60.0), [0.0, 0.0, 60.0, 60.0], 3200.0, 1),
        good("fill_rule_nonzero.svg", p(60.0, 60.0), [0.0, 0.0, 60.0, 60.0], 3600.0, 1),
        good("fill_none.svg", p(50.0, 50.0), [0.0, 40.0, 10.0, 50.0], 100.0, 1),
        good("display_none.svg", p(50.0, 50.0), [0.0, 40.0, 10.0, 50.0], 100.0, 1),
        good("visibility_hidden.svg", p(50.0, 50.0), [0.0, 10.0, 40.0, 50.0], 200.0, 2),
        good("stroke_only.svg", p(100.0, 50.0), [10.0, 10.0, 90.0, 40.0], 0.0, 2),
        good("polyline_filled.svg", p(50.0, 50.0), [0.0, 0.0, 40.0, 30.0], 600.0, 1),
        good("star_touching.svg", p(100.0, 60.0), [30.0 - star_x, 30.0 - star_y, 70.0 + star_x, 30.0 + star_y], 940.4563957259203, 2),
        good("keychain.svg", p(50.0, 20.0), [0.0, 0.0, 50.0, 20.0], 957.9911485751286, 1),
        good("ring.svg", p(50.0, 50.0), [5.0, 5.0, 45.0, 45.0], 300.0 * PI, 1),
        good("two_squares.svg", p(60.0, 60.0), [5.0, 10.0, 50.0, 55.0], 1575.0, 2),
        good("inkscape_like.svg", p(120.0, 80.0), [10.0, 10.0, 110.0, 70.0], 6000.0, 2),
        good("no_namespace.svg", p(20.0, 20.0), [5.0, 5.0, 15.0, 15.0], 100.0, 1),
        good("percent_size.svg", None, [0.0, 0.0, 100.0 * px, 50.0 * px], 5000.0 * px * px, 1),
        good("no_size.svg", None, [0.0, 0.0, 25.4, 12.7], 25.4 * 12.7, 1),
        good("no_size_no_viewbox.svg", None, [12.7, 0.0, 38.1, 25.4], 25.4 * 25.4, 1),
        good("transparent.svg", p(50.0, 50.0), [0.0, 40.0, 30.0, 50.0], 100.0, 2),
        good("encoding_latin1.svg", p(20.0, 20.0), [5.0, 5.0, 15.0, 15.0], 100.0, 1),
        good("encoding_utf16.svg", p(20.0, 20.0), [5.0, 5.0, 15.0, 15.0], 100.0, 1),
        good("use_cycle.svg", p(10.0, 10.0), [0.0, 5.0, 5.0, 10.0], 25.0, 1),
        good("ignored_effects.svg", p(60.0, 20.0), [0.0, 10.0, 50.0, 20.0], 300.0, 3),
        good("tref.svg", p(20.0, 20.0), [5.0, 10.0, 15.0, 20.0], 100.0, 1),
        good("style_classes.svg", p(60.0, 60.0), [5.0, 5.0, 55.0, 55.0], 100.0, 3),
        good("nested_groups_200.svg", p(10.0, 10.0), [2.0, 9.0, 3.0, 10.0], 1.0, 1),
        good("xxe_unused.svg", p(10.0, 10.0), [0.0, 0.0, 10.0, 10.0], 100.0, 1),
        good("external_refs.svg", p(50.0, 50.0), [0.0, 20.0, 30.0, 50.0], 200.0, 2),
        good("nan_coords.svg", p(50.0, 50.0), [0.0, 20.0, 10.0, 50.0], 200.0, 2),
    ]
}

/// Whether an import error is the one a hostile fixture must give.
type ErrorCheck = fn(&ImportError) -> bool;

fn check_good(case: &Expected) -> Result<(), String> {
    let import = import_fixture(case.name).map_err(|e| format!("error {e:?}"))?;
    let close = |a: f64, b: f64| (a - b).abs() <= BOUNDS_EPS_MM;
    match (import.page_size_mm, case.page) {
        (None, None) => {}
        (Some((w, h)), Some((ew, eh))) if close(w, ew) && close(h, eh) => {}
        (got, want) => return Err(format!("page {got:?}, expected {want:?}")),
    }
    if import.shapes.len() != case.shapes {
        return Err(format!(
            "{} shapes, expected {}",
            import.shapes.len(),
            case.shapes
        ));
    }
    let bounds = import
        .shapes
        .iter()
        .filter_map(shape_bounds)
        .reduce(|a, b| a.union(b))
        .ok_or("no bounds")?;
    let got = [bounds.x0, bounds.y0, bounds.x1, bounds.y1];
    if !got.iter().zip(case.bounds).all(|(a, b)| close(*a, b)) {
        return Err(format!("bounds {got:?}, expected {:?}", case.bounds));
    }
    let area = union_region(&import.shapes, TOLERANCE_MM).area();
    if (area - case.area).abs() > AREA_REL_EPS * case.area.max(1.0) {
        return Err(format!("area {area}, expected {}", case.area));
    }
    Ok(())
}

#[test]
fn good_fixtures_have_their_exact_physical_size() {
    let failures: Vec<String> = good_cases()
        .iter()
        .filter_map(|case| {
            check_good(case)
                .err()
                .map(|e| format!("{}: {e}", case.name))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn hostile_fixtures_fail_with_the_right_error() {
    let cases: Vec<(&str, ErrorCheck)> = vec![
        ("entity_billion_laughs.svg", |e| {
            *e == ImportError::EntityExpansion
        }),
        ("entity_quadratic.svg", |e| {
            *e == ImportError::EntityExpansion
        }),
        ("entity_loop.svg", |e| *e == ImportError::EntityExpansion),
        ("xxe_file.svg", |e| {
            *e == ImportError::ExternalReference {
                href: "file:///etc/passwd".to_owned(),
            }
        }),
        ("zero_viewbox.svg", |e| *e == ImportError::ZeroSizeViewBox),
        ("zero_size.svg", |e| *e == ImportError::ZeroSize),
        ("nested_groups_5000.svg", |e| {
            *e == ImportError::TooDeep { max: MAX_DEPTH }
        }),
        ("use_bomb.svg", |e| {
            *e == ImportError::TooManyElements { max: MAX_ELEMENTS }
        }),
        ("marker_bomb.svg", |e| {
            *e == ImportError::TooManyElements { max: MAX_ELEMENTS }
        }),
        ("text_bomb.svg", |e| {
            *e == ImportError::TooMuchText {
                max: MAX_TEXT_CHARS,
            }
        }),
        ("style_bomb.svg", |e| {
            matches!(e, ImportError::StyleTooComplex { rules: 6000, .. })
        }),
        ("self_reference_bomb.svg", |e| {
            *e == ImportError::TooManySelfReferences { count: 500 }
        }),
        ("empty.svg", |e| *e == ImportError::Empty),
        ("random_bytes.svg", |e| {
            matches!(e, ImportError::NotText { .. })
        }),
        ("svgz_compressed.svg", |e| *e == ImportError::Compressed),
        ("encoding_cyrillic.svg", |e| {
            *e == ImportError::UnsupportedEncoding {
                encoding: "Windows-1251".to_owned(),
            }
        }),
        ("not_svg_root.svg", |e| {
            *e == ImportError::NotSvg {
                root: "html".to_owned(),
            }
        }),
        ("malformed.svg", |e| {
            matches!(e, ImportError::Malformed { line: 4, .. })
        }),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, expected)| match import_fixture(name) {
            Err(e) if expected(&e) => None,
            other => Some(format!("{name}: got {other:?}")),
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn stroke_only_paths_are_outlines_with_the_colour_role() {
    let import = import_fixture("stroke_only.svg").unwrap();
    let roles: Vec<_> = import.shapes.iter().map(|s| (s.fill, s.role)).collect();
    assert_eq!(
        roles,
        [
            (Fill::Outline, LaserRole::Cut),
            (Fill::Outline, LaserRole::Score)
        ]
    );
    let transparent = import_fixture("transparent.svg").unwrap();
    assert_eq!(transparent.shapes[0].fill, Fill::Outline);
    assert_eq!(transparent.shapes[1].fill, Fill::Filled(FillRule::NonZero));
    let classes = import_fixture("style_classes.svg").unwrap();
    let roles: Vec<_> = classes.shapes.iter().map(|s| (s.fill, s.role)).collect();
    assert_eq!(
        roles,
        [
            (Fill::Outline, LaserRole::Cut),
            (Fill::Outline, LaserRole::Score),
            // Black fill is "engrave" in the lab's usual colour code.
            (Fill::Filled(FillRule::NonZero), LaserRole::Engrave)
        ]
    );
    let inkscape = import_fixture("inkscape_like.svg").unwrap();
    assert_eq!(inkscape.shapes[0].fill, Fill::Filled(FillRule::NonZero));
    assert_eq!(inkscape.shapes[1].fill, Fill::Outline);
}

#[test]
fn what_is_left_out_is_counted() {
    let effects = import_fixture("ignored_effects.svg").unwrap().ignored;
    let one_each = Ignored {
        images: 1,
        clip_paths: 1,
        masks: 1,
        filters: 1,
    };
    assert_eq!(effects, one_each);
    assert_eq!(
        import_fixture("external_refs.svg").unwrap().ignored.images,
        4
    );
    assert_eq!(
        import_fixture("unit_mm.svg").unwrap().ignored,
        Ignored::default()
    );
}

#[test]
fn fill_rules_are_kept() {
    let fill = |name| import_fixture(name).unwrap().shapes[0].fill;
    assert_eq!(
        fill("fill_rule_evenodd.svg"),
        Fill::Filled(FillRule::EvenOdd)
    );
    assert_eq!(
        fill("fill_rule_nonzero.svg"),
        Fill::Filled(FillRule::NonZero)
    );
    assert_eq!(fill("keychain.svg"), Fill::Filled(FillRule::EvenOdd));
}

#[test]
fn text_becomes_outlines_in_the_bundled_font() {
    let import = import_fixture("text.svg").unwrap();
    assert!(!import.shapes.is_empty());
    let region = union_region(&import.shapes, TOLERANCE_MM);
    let ([x0, y0], [x1, y1]) = region.bounds().unwrap();
    // Baseline at y = 20 mm from the top (10 mm up), 15 mm font size.
    assert!(x0 > 4.0 && x1 < 80.0 && y0 > 0.0 && y1 < 30.0, "{region:?}");
    assert!(y1 - y0 > 10.0, "accented capitals stand over 10 mm tall");
    assert!(region.area() > 50.0);
    for shape in &import.shapes {
        assert!(!shape_region(shape, TOLERANCE_MM).is_empty());
    }
}

#[test]
fn nothing_visible_is_an_empty_import() {
    // An overflowing transform makes usvg drop the element, as browsers do.
    for name in ["nothing_visible.svg", "overflow_transform.svg"] {
        let import = import_fixture(name).unwrap();
        assert!(import.shapes.is_empty(), "{name}");
        assert!(import.page_size_mm.is_some(), "{name}");
    }
}

#[test]
fn every_fixture_is_tested() {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".svg"))
        .collect();
    names.sort();
    let source = include_str!("svg_fixtures.rs");
    let readme = std::fs::read_to_string(fixture_dir().join("README.md")).unwrap();
    for name in names {
        assert!(source.contains(&format!("\"{name}\"")), "{name} untested");
        assert!(readme.contains(&name), "{name} missing from README.md");
    }
}
