//! Traces a picture into a plain filled SVG in millimetres, end to end
//! (decode, threshold, trace, write), printing how long each stage took.
//! The benchmark script uses it when the `fabrique` binary is not built.
//!
//! ```text
//! cargo run --release -p geometry --example trace_file -- IN.png OUT.svg [--threshold auto|otsu|N] [--invert] [--width MM] [--timings] [--preview]
//! ```
//!
//! `--preview` writes the editor's live preview instead (a downscaled trace,
//! [`geometry::trace::trace_preview`]).

use std::process::ExitCode;
use std::time::Instant;

use geometry::outline::document_path;
use geometry::trace::{
    PREVIEW_PIXELS, Threshold, TraceOptions, decode_image, trace_image, trace_preview,
};
use kurbo::Affine;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("trace_file: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut input, mut output) = (None, None);
    let mut opts = TraceOptions::default();
    let mut timings = false;
    let mut preview = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--invert" => opts.invert = true,
            "--timings" => timings = true,
            "--preview" => preview = true,
            "--threshold" => {
                let v = args.next().ok_or("--threshold needs a value")?;
                opts.threshold = match v.as_str() {
                    "auto" => Threshold::Auto,
                    "otsu" => Threshold::Otsu,
                    n => Threshold::Value(n.parse().map_err(|_| "threshold: 0-255, auto or otsu")?),
                };
            }
            "--width" => {
                let v = args.next().ok_or("--width needs a value")?;
                opts.width_mm = Some(v.parse().map_err(|_| "width: a number of mm")?);
            }
            _ if input.is_none() => input = Some(arg),
            _ if output.is_none() => output = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let (input, output) = input.zip(output).ok_or("usage: trace_file IN OUT.svg")?;
    let t0 = Instant::now();
    let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
    let image = decode_image(&bytes).map_err(|e| e.to_string())?;
    let t1 = Instant::now();
    let shapes = if preview {
        trace_preview(&image, &opts, PREVIEW_PIXELS)
    } else {
        trace_image(&image, &opts, &|_| true)
    }
    .map_err(|e| e.to_string())?;
    let t2 = Instant::now();
    let [px, py] = image.pixel_size_mm(opts.width_mm);
    let (w, h) = (
        f64::from(image.width()) * px,
        f64::from(image.height()) * py,
    );
    let flip = Affine::new([1.0, 0.0, 0.0, -1.0, 0.0, h]);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">\n"
    );
    for shape in &shapes {
        let path = flip * document_path(shape);
        svg.push_str(&format!("<path fill=\"#000\" d=\"{}\"/>\n", path.to_svg()));
    }
    svg.push_str("</svg>\n");
    let temporary = format!("{output}.part");
    std::fs::write(&temporary, svg).map_err(|e| format!("{output}: {e}"))?;
    std::fs::rename(&temporary, &output).map_err(|e| format!("{output}: {e}"))?;
    let t3 = Instant::now();
    if timings {
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
        eprintln!(
            "read+decode {:.1} ms, threshold+trace {:.1} ms, write {:.1} ms, total {:.1} ms, {} shapes",
            ms(t0, t1),
            ms(t1, t2),
            ms(t2, t3),
            ms(t0, t3),
            shapes.len()
        );
    }
    Ok(())
}
