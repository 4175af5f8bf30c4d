# Les mots propres à la ligne de commande (fabrique laser, trace, extrude, check).
# Toute clé ici doit aussi être dans en/cli.ftl (un test le vérifie).
# Les longueurs arrivent déjà écrites en millimètres (« 12.5 »).

## fabrique laser --list-colors
laser-colors-generator = { $input } a été fait avec { $generator } : son code couleur s'applique.
laser-colors-plain = { $input } : les couleurs et ce que le laser fera de chacune.
laser-colors-stroke = traits { $color } : { $length } mm ({ $paths ->
        [one] un tracé
       *[other] { $paths } tracés
    }) → { $operation } ({ $reason })
laser-colors-fill = surfaces { $color } : { $area } mm² ({ $paths ->
        [one] un tracé
       *[other] { $paths } tracés
    }) → { $operation } ({ $reason })
laser-colors-none = Aucune couleur : rien de visible à découper.
laser-colors-project = { $input } est un projet Fabrique : chaque forme a sa propre opération.
laser-colors-hint = Pour les changer : --colors '#RRGGBB=opération,…' (cut = couper, score = marquer, engrave = graver, ignore = ignorer).
laser-operation-cut = couper
laser-operation-score = marquer
laser-operation-engrave = graver
laser-operation-ignore = ignorer
laser-reason-chosen = votre choix
laser-reason-generator = convention de { $generator }
laser-reason-lab = code couleur de { $machine }
laser-reason-fallback = les traits sont coupés, les surfaces gravées

## Ce qu'un import a laissé de côté, en une ligne
import-ignored = Laissé de côté dans { $input } : { $list }.
import-ignored-images = { $count ->
        [one] une image (vectorisez-la avec fabrique trace)
       *[other] { $count } images (vectorisez-les avec fabrique trace)
    }
import-ignored-clips = { $count ->
        [one] un masque d'écrêtage (son contenu est gardé en entier)
       *[other] { $count } masques d'écrêtage (leur contenu est gardé en entier)
    }
import-ignored-masks = { $count ->
        [one] un masque (son contenu est gardé en entier)
       *[other] { $count } masques (leur contenu est gardé en entier)
    }
import-ignored-filters = { $count ->
        [one] un effet de filtre
       *[other] { $count } effets de filtre
    }
import-ignored-colors = { $count ->
        [one] une couleur à ignorer ({ $length } mm)
       *[other] { $count } couleurs à ignorer ({ $length } mm)
    }

## Fichiers refusés avant lecture (une ligne sur stderr)
cli-error-not-a-file = { $path } n'est pas un fichier ordinaire (un dossier, un tube ou un périphérique). Donnez un dessin, une image ou un projet.
cli-error-too-large = { $path } fait { $size } Mo, plus que les { $max } Mo que Fabrique lit. Simplifiez le dessin ou exportez un fichier plus petit.
cli-error-read = impossible de lire { $path } : { $reason }. Vérifiez le nom du fichier et que vous avez le droit de le lire.
