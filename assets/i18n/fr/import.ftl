# L'étape des couleurs d'un import SVG, et le recadrage de l'export laser.

import-colors-title = Couleurs du dessin
import-colors-text = Chaque couleur dit au laser quoi faire. Choisissez pour chaque couleur, puis importez.
import-colors-generator = Dessin fait avec { $generator } : ses couleurs sont déjà réglées comme il les emploie. Vérifiez, puis importez.
import-colors-lines = Traits { $color }
import-colors-areas = Surfaces { $color }
import-colors-length = { $length } mm
import-colors-areas-count = { $count ->
    [one] une forme
   *[other] { $count } formes
}
import-colors-ignore = Ignorer
import-colors-preview = Aperçu de ce que fera le laser
import-colors-import = Importer
export-crop = Recadrer sur le dessin
export-crop-text = Sinon la page a la taille du plateau de la machine, et chaque pièce reste où vous l'avez placée.
import-colors-all-ignored = Toutes les couleurs de ce dessin sont à ignorer : rien n'a été importé. Importez-le à nouveau et choisissez ce que le laser doit faire d'au moins une couleur.
