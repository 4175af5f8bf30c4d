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
