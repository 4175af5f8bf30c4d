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
import-ignored-images-window = { $count ->
        [one] une image (importez le fichier de l'image lui-même pour la vectoriser)
       *[other] { $count } images (importez les fichiers des images eux-mêmes pour les vectoriser)
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

## Toutes les autres erreurs de la ligne de commande (une ligne sur stderr, après « fabrique : »)
cli-io-not-found = fichier ou dossier introuvable
cli-io-permission = accès refusé
cli-io-exists = il existe déjà
cli-io-other = erreur de lecture ou d'écriture
cli-file-not-a-file = ce n'est pas un fichier ordinaire
cli-file-too-large = il est bien trop gros
cli-file-link = c'est un lien ; modifiez le fichier vers lequel il pointe
cli-error-pin-trivial = ce code est de ceux qu'un visiteur essaie en premier (0000, 1234, 1212…) : choisissez-en un autre.
cli-error-pin-short = le code est trop court : donnez au moins { $min } caractères.
cli-error-kiosk-config = impossible d'écrire le code dans { $path } : { $reason }. Vérifiez le fichier, ou donnez-en un autre avec --config.
cli-kiosk-not-object = il ne contient pas les réglages du kiosque (un objet JSON)
cli-kiosk-no-salt = le système n'a pas donné de nombres aléatoires pour le sel
cli-error-unknown-input = { $path } n'est ni un dessin SVG, ni une image, ni un projet Fabrique. Donnez un fichier .svg, .png, .jpg ou .fabrique.
cli-error-import = impossible d'importer { $path } : { $reason }. Ouvrez-le et réenregistrez-le en SVG simple (Inkscape : Fichier > Enregistrer sous > SVG simple).
cli-error-project-corrupt = impossible d'ouvrir le projet { $path } : le fichier est abîmé. Ouvrez plutôt une sauvegarde ou l'enregistrement automatique.
cli-error-project-newer = impossible d'ouvrir le projet { $path } : il a été fait par un Fabrique plus récent (format { $version }). Mettez Fabrique à jour pour l'ouvrir.
cli-error-picture = { $path } est une image : vectorisez-la d'abord avec `fabrique trace { $path } -o dessin.svg`.
cli-error-empty = { $path } ne dessine rien de visible : rien à { $action ->
        [cut] découper
        [extrude] mettre en volume
       *[check] vérifier
    }. Vérifiez que les formes ne sont ni cachées ni vides.
cli-error-wrong-output = impossible d'écrire { $path } avec `{ $command }` : utilisez { $expected ->
        [laser] .svg ou .dxf
       *[solid] .stl ou .3mf
    }.
cli-error-no-output = `{ $command }` a besoin d'un fichier où écrire : ajoutez { $expected ->
        [laser] -o FICHIER.svg ou -o FICHIER.dxf
       *[solid] -o FICHIER.stl ou -o FICHIER.3mf
    }.
cli-error-bad-length = --{ $option } { $value } n'est pas une longueur utilisable : donnez un nombre de millimètres entre { $min } et { $max }.
cli-error-missing-height = donnez la hauteur de la pièce en millimètres, par exemple --height 3.
cli-error-bad-colors = --colors : { $reason }. Écrivez par exemple --colors '#0000ff=cut,#ff0000=ignore' (cut : découper, score : marquer, engrave : graver, ignore : ignorer).
cli-colors-not-a-pair = « { $item } » n'est pas de la forme #RRVVBB=opération
cli-colors-bad-color = « { $text } » n'est pas une couleur de la forme #RRVVBB
cli-colors-bad-operation = « { $word } » n'est ni cut, ni score, ni engrave, ni ignore
cli-error-unknown-machine = machine inconnue « { $id } » : les machines connues sont { $known }.
cli-error-too-big-for-machine = la pièce mesure { $size } mm et ne tient pas dans la { $machine } ({ $bed } mm) : réduisez-la ou choisissez une imprimante plus grande avec --machine.
cli-error-nothing-to-extrude = { $path } n'a aucune forme remplie à mettre en volume (seulement des traits ou des formes vides). Dessinez des formes fermées et remplies ; les traits sont pour le laser.
cli-error-trace = impossible de vectoriser { $path } : { $reason }. { $hint }.
cli-error-limit-not-finite = impossible d'utiliser { $path } : la forme { $shape } a une coordonnée qui n'est pas un nombre. Vérifiez les unités et la position du dessin, ou ouvrez une sauvegarde du fichier.
cli-error-limit-too-far = impossible d'utiliser { $path } : la forme { $shape } va jusqu'à { $distance } mm de l'origine, au-delà de la limite de { $max } mm. Vérifiez les unités et la position du dessin, ou ouvrez une sauvegarde du fichier.
cli-error-limit-segments = impossible d'utiliser { $path } : le dessin a plus de { $max } segments. Simplifiez-le (Inkscape : Chemin > Simplifier) ou partagez-le en plusieurs fichiers.
cli-error-export = impossible d'écrire { $path } : { $reason }. Rien n'a été écrit.
cli-error-write = impossible d'écrire { $path } : { $reason }. Vérifiez que le dossier existe et que vous pouvez y écrire.
cli-error-internal = erreur interne{ $place }. Rien n'a été écrit. Merci d'envoyer ce fichier à l'équipe de Fabrique.
cli-usage = { $problem }. Voir `fabrique --help`.
cli-usage-unknown-argument = option inconnue { $arg }
cli-usage-unknown-argument-tip = option inconnue { $arg } (vouliez-vous dire { $tip } ?)
cli-usage-invalid-value = { $value } n'est pas une valeur acceptée par { $arg }
cli-usage-invalid-value-known = { $value } n'est pas une valeur acceptée par { $arg } (valeurs acceptées : { $known })
cli-usage-missing = il manque { $arg }
cli-usage-unknown-command = commande inconnue { $value }
cli-usage-conflict = { $arg } ne peut pas aller avec { $other }
cli-usage-too-many = { $value } en trop
cli-usage-other = la ligne de commande n'a pas pu être lue
cli-pin-prompt = Code :
cli-pin-saved = { $path } : code enregistré (son empreinte seulement).

## Pourquoi un SVG n'a pas pu être importé ($reason de cli-error-import)
import-error-empty = le fichier est vide
import-error-too-large = le fichier fait { $size } Mo, plus que les { $max } Mo acceptés
import-error-compressed = il est compressé (.svgz) ; enregistrez-le sans compression
import-error-not-text = ce n'est pas du texte (une image, un PDF ?)
import-error-encoding = son encodage { $encoding } n'est pas lu ; enregistrez-le en UTF-8
import-error-malformed = le XML est cassé ligne { $line }, colonne { $column }
import-error-not-svg = l'élément racine est <{ $root }>, pas <svg>
import-error-entities = ses entités XML grossissent trop
import-error-external = il utilise une entité externe ({ $href }), et rien hors du fichier n'est lu
import-error-too-many-elements = il a plus de { $max } éléments
import-error-style = ses feuilles de style sont trop complexes ({ $rules } règles sur { $elements } éléments)
import-error-self-references = { $count } motifs, découpes, masques ou filtres renvoient à eux-mêmes
import-error-too-much-text = il a plus de { $max } caractères de texte
import-error-too-deep = ses éléments s'emboîtent sur plus de { $max } niveaux
import-error-zero-view-box = sa viewBox a une taille nulle ou négative
import-error-zero-size = sa largeur ou sa hauteur est nulle ou négative
import-error-non-finite = une taille ou une coordonnée n'est pas un nombre fini

## Pourquoi une image n'a pas pu être vectorisée ($reason et $hint de cli-error-trace)
trace-error-empty = le fichier de l'image est vide
trace-error-zero-size = l'image n'a aucun pixel ({ $width }×{ $height })
trace-error-unsupported = ce n'est pas une image que Fabrique sait lire (PNG, JPEG, BMP, GIF, WebP ou TIFF)
trace-error-too-large = l'image est trop grande ({ $width }×{ $height } pixels ; au plus { $side } pixels de côté)
trace-error-corrupt = l'image est abîmée ou incomplète
trace-error-nothing-dark = après le seuil, l'image est toute sombre : rien à vectoriser
trace-error-nothing-light = après le seuil, l'image est toute claire : rien à vectoriser
trace-error-too-detailed = le tracé aurait plus de { $max } segments, le plus qu'un dessin peut contenir : l'image montre une texture ou du bruit plutôt qu'un dessin
trace-error-cancelled = la vectorisation a été annulée
trace-error-option = l'option { $name } = { $value } n'est pas utilisable
trace-hint-resave = Ouvrez-la dans un éditeur d'images et réenregistrez-la en PNG
trace-hint-convert = Enregistrez-la d'abord en PNG ou en JPEG
trace-hint-smaller = Réduisez-la d'abord dans un éditeur d'images
trace-hint-higher = Essayez un --threshold plus haut, ou --invert pour un dessin clair sur fond sombre
trace-hint-lower = Essayez un --threshold plus bas, ou --invert pour un dessin clair sur fond sombre
trace-hint-plain = Photographiez le dessin seul, sur du papier uni, ou fixez le seuil à la main avec --threshold
trace-hint-again = Relancez la commande
trace-hint-options = Vérifiez les options

## Pourquoi un export a échoué ($reason de cli-error-export)
export-error-extension = le nom doit finir par .svg, .dxf, .stl ou .3mf
export-error-not-3d = un solide ne s'écrit pas en SVG ni en DXF : utilisez .stl ou .3mf.
export-error-nothing = il n'y a rien à écrire dans ce format
export-error-tolerance = la tolérance { $value } mm n'est pas un nombre positif
export-error-profile = le profil du laser est inutilisable ({ $detail })
export-error-height = la forme { $shape } a une hauteur ou une base inutilisable
export-error-not-closed = le volume n'a pas pu être fermé là où des formes de hauteurs différentes se touchent, en ({ $x } ; { $y }) mm : écartez-les de 0,1 mm ou faites-les se chevaucher
export-error-io = { $reason }
export-error-internal = un problème dans Fabrique ({ $detail }) ; merci d'envoyer ce fichier à l'équipe
import-error-limit = le dessin dépasse les limites de Fabrique (trop de segments, ou une coordonnée trop loin ou qui n'est pas un nombre)
