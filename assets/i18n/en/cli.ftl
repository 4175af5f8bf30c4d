# The command line's own words (fabrique laser, trace, extrude, check).
# Every key here must also be in fr/cli.ftl (a unit test checks).
# Lengths arrive already written in millimetres ("12.5").

## fabrique laser --list-colors
laser-colors-generator = { $input } was made with { $generator }: its colour code applies.
laser-colors-plain = { $input }: colours and what the laser will do with each.
laser-colors-stroke = lines { $color }: { $length } mm ({ $paths ->
        [one] one path
       *[other] { $paths } paths
    }) → { $operation } ({ $reason })
laser-colors-fill = areas { $color }: { $area } mm² ({ $paths ->
        [one] one path
       *[other] { $paths } paths
    }) → { $operation } ({ $reason })
laser-colors-none = No colour: nothing visible to cut.
laser-colors-project = { $input } is a Fabrique project: each shape has its own operation.
laser-colors-hint = Change them with --colors '#RRGGBB=operation,…' (cut, score, engrave, ignore).
laser-operation-cut = cut
laser-operation-score = score
laser-operation-engrave = engrave
laser-operation-ignore = ignore
laser-reason-chosen = your choice
laser-reason-generator = { $generator }'s convention
laser-reason-lab = colour code of { $machine }
laser-reason-fallback = lines are cut, areas engraved

## What an import left out, in one line
import-ignored = Left out of { $input }: { $list }.
import-ignored-images = { $count ->
        [one] one picture (trace it with fabrique trace)
       *[other] { $count } pictures (trace them with fabrique trace)
    }
import-ignored-images-window = { $count ->
        [one] one picture (import the picture's own file to trace it)
       *[other] { $count } pictures (import the pictures' own files to trace them)
    }
import-ignored-clips = { $count ->
        [one] one clip path (its content is kept whole)
       *[other] { $count } clip paths (their content is kept whole)
    }
import-ignored-masks = { $count ->
        [one] one mask (its content is kept whole)
       *[other] { $count } masks (their content is kept whole)
    }
import-ignored-filters = { $count ->
        [one] one filter effect
       *[other] { $count } filter effects
    }
import-ignored-colors = { $count ->
        [one] one colour set to ignore ({ $length } mm)
       *[other] { $count } colours set to ignore ({ $length } mm)
    }

## Input files refused before reading (one line on stderr)
cli-error-not-a-file = { $path } is not an ordinary file (a folder, a pipe or a device). Give a drawing, picture or project file.
cli-error-too-large = { $path } is { $size } MB, more than the { $max } MB Fabrique reads. Simplify the drawing or export a smaller file.
cli-error-read = cannot read { $path }: { $reason }. Check the file name and that you may read it.

## Every other error of the command line (one line on stderr, after "fabrique: ")
cli-io-not-found = no such file or folder
cli-io-permission = permission denied
cli-io-exists = it already exists
cli-io-other = input/output error
cli-file-not-a-file = it is not an ordinary file
cli-file-too-large = it is far too large
cli-file-link = it is a link; edit the file it points to
cli-error-pin-trivial = this PIN is one a visitor would try first (0000, 1234, 1212…): choose another.
cli-error-pin-short = the PIN is too short: give at least { $min } characters.
cli-error-kiosk-config = cannot write the PIN into { $path }: { $reason }. Check the file, or give another with --config.
cli-kiosk-not-object = it does not hold the kiosk's settings (a JSON object)
cli-kiosk-no-salt = the system gave no random numbers for the salt
cli-error-unknown-input = { $path } is not an SVG drawing, a picture or a Fabrique project. Give an .svg, .png, .jpg or .fabrique file.
cli-error-import = cannot import { $path }: { $reason }. Open and re-save it as plain SVG (Inkscape: File > Save As > Plain SVG).
cli-error-project-corrupt = cannot open the project { $path }: the file is damaged. Open a backup or the autosave instead.
cli-error-project-newer = cannot open the project { $path }: it was made by a newer Fabrique (format { $version }). Update Fabrique to open it.
cli-error-picture = { $path } is a picture: trace it first with `fabrique trace { $path } -o drawing.svg`.
cli-error-empty = { $path } draws nothing visible: nothing to { $action ->
        [cut] cut
        [extrude] extrude
       *[check] check
    }. Check that the shapes are not hidden or empty.
cli-error-wrong-output = cannot write { $path } with `{ $command }`: use { $expected ->
        [laser] .svg or .dxf
       *[solid] .stl or .3mf
    }.
cli-error-no-output = `{ $command }` needs a file to write: add { $expected ->
        [laser] -o FILE.svg or -o FILE.dxf
       *[solid] -o FILE.stl or -o FILE.3mf
    }.
cli-error-bad-length = --{ $option } { $value } is not a usable length: give a number of millimetres between { $min } and { $max }.
cli-error-missing-height = give the height of the part in millimetres, for example --height 3.
cli-error-bad-colors = --colors: { $reason }. Write for example --colors '#0000ff=cut,#ff0000=ignore' (cut, score, engrave, ignore).
cli-colors-not-a-pair = “{ $item }” is not of the form #RRGGBB=operation
cli-colors-bad-color = “{ $text }” is not a colour of the form #RRGGBB
cli-colors-bad-operation = “{ $word }” is not cut, score, engrave or ignore
cli-error-unknown-machine = unknown machine “{ $id }”: known machines are { $known }.
cli-error-too-big-for-machine = the part is { $size } mm and does not fit the { $machine } ({ $bed } mm): make it smaller or choose a larger printer with --machine.
cli-error-nothing-to-extrude = { $path } has no filled shape to extrude (only lines or empty shapes). Draw closed, filled shapes; lines are for the laser.
cli-error-trace = cannot trace { $path }: { $reason }. { $hint }.
cli-error-limit-not-finite = cannot use { $path }: shape { $shape } has a coordinate that is not a number. Check the drawing's units and position, or open a backup of the file.
cli-error-limit-too-far = cannot use { $path }: shape { $shape } reaches { $distance } mm from the origin, beyond the { $max } mm limit. Check the drawing's units and position, or open a backup of the file.
cli-error-limit-segments = cannot use { $path }: the drawing has more than { $max } path segments. Simplify the drawing (Inkscape: Path > Simplify) or split it into several files.
cli-error-export = cannot write { $path }: { $reason }. Nothing was written.
cli-error-write = cannot write { $path }: { $reason }. Check that the folder exists and that you may write in it.
cli-error-internal = internal error{ $place }. Nothing was written. Please report this file to the Fabrique team.
cli-usage = { $problem }. See `fabrique --help`.
cli-usage-unknown-argument = unknown option { $arg }
cli-usage-unknown-argument-tip = unknown option { $arg } (did you mean { $tip }?)
cli-usage-invalid-value = { $value } is not a value { $arg } accepts
cli-usage-invalid-value-known = { $value } is not a value { $arg } accepts (accepted: { $known })
cli-usage-missing = the required { $arg } is missing
cli-usage-unknown-command = unknown command { $value }
cli-usage-conflict = { $arg } cannot be used with { $other }
cli-usage-too-many = unexpected { $value }
cli-usage-other = the command line could not be read
cli-pin-prompt = PIN:
cli-pin-saved = { $path }: PIN saved (hash only).

## Why an SVG could not be imported ($reason of cli-error-import)
import-error-empty = the file is empty
import-error-too-large = the file is { $size } MB, more than the { $max } MB accepted
import-error-compressed = it is compressed (.svgz); save it uncompressed
import-error-not-text = it is not text (a picture, a PDF?)
import-error-encoding = its text encoding { $encoding } is not read; save it as UTF-8
import-error-malformed = malformed XML at line { $line }, column { $column }
import-error-not-svg = the root element is <{ $root }>, not <svg>
import-error-entities = its XML entities expand too much
import-error-external = the file uses an external entity ({ $href }), and nothing outside it is read
import-error-too-many-elements = it has more than { $max } elements
import-error-style = its style sheets are too complex ({ $rules } rules on { $elements } elements)
import-error-self-references = { $count } patterns, clip paths, masks or filters refer to themselves
import-error-too-much-text = it has more than { $max } characters of text
import-error-too-deep = its elements nest deeper than { $max } levels
import-error-zero-view-box = its viewBox has a zero or negative size
import-error-zero-size = its width or height is zero or negative
import-error-non-finite = a size or coordinate is not a finite number

## Why a picture could not be traced ($reason and $hint of cli-error-trace)
trace-error-empty = the picture file is empty
trace-error-zero-size = the picture has no pixels ({ $width }×{ $height })
trace-error-unsupported = it is not a picture Fabrique can read (PNG, JPEG, BMP, GIF, WebP or TIFF)
trace-error-too-large = the picture is too large ({ $width }×{ $height } pixels; at most { $side } pixels a side)
trace-error-corrupt = the picture is damaged or incomplete
trace-error-nothing-dark = after thresholding the picture is all dark: nothing to trace
trace-error-nothing-light = after thresholding the picture is all light: nothing to trace
trace-error-too-detailed = the trace would have more than { $max } path segments, the most a drawing may hold: the picture shows texture or noise rather than a drawing
trace-error-cancelled = tracing was cancelled
trace-error-option = the option { $name } = { $value } is not usable
trace-hint-resave = Open it in an image editor and save it again as PNG
trace-hint-convert = Save it as PNG or JPEG first
trace-hint-smaller = Scale it down in an image editor first
trace-hint-higher = Try a higher --threshold, or --invert for light drawings on dark
trace-hint-lower = Try a lower --threshold, or --invert for light drawings on dark
trace-hint-plain = Photograph the drawing alone, on plain paper, or set the threshold by hand with --threshold
trace-hint-again = Run it again
trace-hint-options = Check the options

## Why an export failed ($reason of cli-error-export)
export-error-extension = the name must end in .svg, .dxf, .stl or .3mf
export-error-not-3d = a solid cannot be written as SVG or DXF: use .stl or .3mf.
export-error-nothing = there is nothing to write in this format
export-error-tolerance = the tolerance { $value } mm is not a positive number
export-error-profile = the laser profile is unusable ({ $detail })
export-error-height = shape { $shape } has an unusable height or base
export-error-not-closed = the solid could not be closed where shapes of different heights meet at ({ $x }, { $y }) mm: move them 0.1 mm apart or overlap them
export-error-io = { $reason }
export-error-internal = a problem in Fabrique ({ $detail }); please report this file
import-error-limit = the drawing is beyond Fabrique's limits (too many segments, or a coordinate too far away or not a number)
