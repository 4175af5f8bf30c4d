# Fabrique — interface en français.
# Les clés suivent le chemin dans l'interface. Toute clé ici doit aussi être dans en.ftl.

## Commandes (libellé, puis info-bulle)
cmd-new = Nouveau
cmd-new-tooltip = Commencer un projet vide
cmd-open = Ouvrir
cmd-open-tooltip = Ouvrir un projet Fabrique (.fabrique)
cmd-save = Enregistrer
cmd-save-tooltip = Enregistrer le projet
cmd-save-as = Enregistrer sous
cmd-save-as-tooltip = Enregistrer le projet sous un autre nom
cmd-import = Importer
cmd-import-tooltip = Ajouter un dessin SVG, à sa taille réelle
cmd-export = Exporter
cmd-export-tooltip = Créer le fichier pour la découpeuse laser ou l'imprimante 3D
cmd-undo = Annuler
cmd-undo-tooltip = Annuler la dernière modification
cmd-redo = Rétablir
cmd-redo-tooltip = Refaire ce qui a été annulé
cmd-delete = Supprimer
cmd-delete-tooltip = Supprimer les formes choisies
cmd-duplicate = Dupliquer
cmd-duplicate-tooltip = Copier les formes choisies, un peu décalées
cmd-select-all = Tout choisir
cmd-select-all-tooltip = Choisir toutes les formes
cmd-union = Union
cmd-union-tooltip = Fusionner les formes choisies en une seule
cmd-difference = Différence
cmd-difference-tooltip = Découper les formes de devant dans celle du fond
cmd-intersection = Intersection
cmd-intersection-tooltip = Garder seulement la partie commune des formes choisies
cmd-offset = Décalage
cmd-offset-tooltip = Agrandir les formes choisies de la distance ci-dessous (une distance négative les rétrécit)
cmd-bring-forward = Avancer
cmd-bring-forward-tooltip = Passer la sélection d'un cran vers l'avant
cmd-send-backward = Reculer
cmd-send-backward-tooltip = Passer la sélection d'un cran vers l'arrière
cmd-group = Grouper
cmd-group-tooltip = Réunir les formes choisies en un groupe : un clic sur l'une les choisit toutes
cmd-ungroup = Dégrouper
cmd-ungroup-tooltip = Sortir les formes choisies de leur groupe
cmd-align-left = Gauche
cmd-align-left-tooltip = Aligner les bords gauches
cmd-align-center = Centre
cmd-align-center-tooltip = Aligner les centres verticaux
cmd-align-right = Droite
cmd-align-right-tooltip = Aligner les bords droits
cmd-align-top = Haut
cmd-align-top-tooltip = Aligner les bords du haut
cmd-align-middle = Milieu
cmd-align-middle-tooltip = Aligner les milieux horizontaux
cmd-align-bottom = Bas
cmd-align-bottom-tooltip = Aligner les bords du bas
cmd-distribute-horizontally = Répartir en largeur
cmd-distribute-horizontally-tooltip = Espacer régulièrement les formes de gauche à droite
cmd-distribute-vertically = Répartir en hauteur
cmd-distribute-vertically-tooltip = Espacer régulièrement les formes de bas en haut
cmd-fit-view = Tout voir
cmd-fit-view-tooltip = Afficher tout le dessin et le plateau de la machine
cmd-toggle-snap = Magnétisme
cmd-toggle-snap-tooltip = Accrocher à la grille et aux bords et centres des autres formes

## Outils
tool-select = Choisir
tool-select-tooltip = Cliquez une forme pour la choisir, glissez pour la déplacer, utilisez les poignées pour la redimensionner ou la tourner
tool-rectangle = Rectangle
tool-rectangle-tooltip = Dessiner un rectangle, d'un coin à l'autre
tool-rounded = Arrondi
tool-rounded-tooltip = Dessiner un rectangle aux coins arrondis
tool-ellipse = Cercle
tool-ellipse-tooltip = Dessiner un cercle ou une ellipse (Maj : un cercle parfait)
tool-polygon = Polygone
tool-polygon-tooltip = Dessiner un polygone régulier depuis son centre
tool-star = Étoile
tool-star-tooltip = Dessiner une étoile depuis son centre
tool-text = Texte
tool-text-tooltip = Écrire un prénom ou un mot
tool-pencil = Crayon
tool-pencil-tooltip = Dessiner à main levée ; le trait est lissé

## Conseils (ligne d'état)
hint-select-idle = Cliquez une forme pour la choisir, ou prenez un outil à gauche pour dessiner.
hint-select-selected = Glissez pour déplacer, tirez une poignée carrée pour redimensionner (Maj : garder les proportions), la poignée ronde pour tourner. Tapez les mesures exactes à droite.
hint-select-one = Glissez pour déplacer, tirez une poignée pour redimensionner ou tourner. Maj+clic sur une autre forme pour en choisir deux (pour les combiner ou les aligner).
hint-select-moving = Relâchez pour poser les formes ici. Échap les remet en place.
hint-select-resizing = Relâchez pour fixer la taille. Maj garde les proportions, Échap annule.
hint-select-rotating = Relâchez pour fixer l'angle. Maj tourne par pas de 15°, Échap annule.
hint-select-rubber-band = Relâchez pour choisir toutes les formes dans le cadre.
hint-draw-first-corner = Appuyez là où va le premier coin et glissez jusqu'au coin opposé. Un simple clic crée une forme de 20 mm centrée là ; Entrée, au milieu de la vue.
hint-draw-second-corner = Relâchez au coin opposé. Maj garde un carré (ou un rond), Ctrl part du centre, Échap annule.
hint-text-place = Cliquez là où va le texte (ou Entrée : au milieu de la vue), puis tapez-le dans le panneau de droite.
hint-pencil-idle = Appuyez et dessinez. Finissez près du départ pour fermer la forme.
hint-pencil-drawing = Relâchez pour finir le trait. Échap annule.

## Panneau des propriétés
props-title = Propriétés
props-nothing-selected = Rien n'est choisi. Dessinez une forme avec un outil à gauche, ou cliquez une forme.
props-count = { $count ->
    [one] { $count } forme choisie
   *[other] { $count } formes choisies
}
props-x = X (mm)
props-x-tooltip = Distance du bord gauche au bord gauche du plateau
props-y = Y (mm)
props-y-tooltip = Distance du bord du bas au bord avant du plateau
props-width = Largeur (mm)
props-width-tooltip = Largeur de la sélection ; tapez un nombre puis Entrée
props-height = Hauteur (mm)
props-height-tooltip = Hauteur de la sélection sur le dessin ; tapez un nombre puis Entrée
props-rotation = Rotation (°)
props-rotation-tooltip = Angle en degrés, sens inverse des aiguilles d'une montre
props-lock-ratio = Garder les proportions
props-lock-ratio-tooltip = Changer la largeur change aussi la hauteur, et inversement
props-role = Ce que fait le laser
role-cut = Découper
role-cut-tooltip = Couper à travers le long du contour (trait rouge)
role-score = Marquer
role-score-tooltip = Tracer un trait sans couper à travers (trait bleu)
role-engrave = Graver
role-engrave-tooltip = Brûler l'intérieur de la forme (noir)
props-extrude-height = Épaisseur (mm)
props-extrude-height-tooltip = Hauteur de la forme en 3D
props-base = Commence à (mm)
props-base-tooltip = Hauteur du dessous de la forme au-dessus du plateau : 3 pose des lettres sur une plaque de 3 mm
props-height-slider = Épaisseur
props-hole = Trou
props-hole-tooltip = La forme enlève de la matière au lieu d'en ajouter : le trou d'un porte-clés, des lettres en creux
props-outline-not-extruded = C'est un trait, pas une surface : il n'est pas imprimé en 3D.
props-text = Texte
props-font = Police
props-font-size = Taille des lettres (mm)
props-font-size-tooltip = Taille des lettres, en millimètres
props-sides = Côtés
props-sides-tooltip = Nombre de côtés, de 3 à 100
props-points = Branches
props-points-tooltip = Nombre de branches de l'étoile, de 3 à 100
props-inner-ratio = Creux
props-inner-ratio-tooltip = Profondeur des creux, entre 0 et 1 (0,5 : à mi-chemin)
props-corner-radius = Rayon des coins (mm)
props-corner-radius-tooltip = Rayon des coins arrondis
props-combine = Combiner les formes choisies
props-need-two = Choisissez au moins deux formes : Maj+clic sur la deuxième (ou tracez un cadre autour).
props-offset-distance = Distance (mm)
props-offset-distance-tooltip = De combien le décalage agrandit les formes ; négatif pour rétrécir
props-align = Aligner

## Barre du haut
mode-laser = Laser
mode-laser-tooltip = Créer des pièces plates pour la découpeuse laser : chaque forme est découpée, marquée ou gravée
mode-3d = Impression 3D
mode-3d-tooltip = Créer un objet pour l'imprimante 3D : chaque forme a une épaisseur
machine-tooltip = La machine que vous utiliserez : son plateau est dessiné sur la zone de dessin
machine-name-generic-laser = Laser générique
machine-name-generic-printer = Imprimante 3D générique
error-machine-file = Un fichier de machine du fablab est inutilisable et a été ignoré ({ $reason }). Corrigez le fichier puis relancez Fabrique.
language-tooltip = Langue de l'interface

## État
status-shape-count = { $count ->
    [one] { $count } forme
   *[other] { $count } formes
}
text-default = Texte
file-default-stem = dessin

## Aperçu 3D
preview-title = Aperçu 3D
preview-reset = Recentrer
preview-reset-tooltip = Revoir tout le plateau de l'imprimante. Glissez pour tourner, clic droit pour déplacer, molette pour zoomer.
preview-nothing = Rien à imprimer pour l'instant : dessinez une forme pleine avec une épaisseur.
preview-failed = Ce dessin n'a pas pu devenir un objet 3D. Simplifiez-le et réessayez.

## Fenêtres
button-ok = OK
button-cancel = Annuler
unsaved-title = Enregistrer vos modifications ?
unsaved-text = Votre dessin a des modifications qui ne sont pas enregistrées dans un fichier projet.
unsaved-save = Enregistrer
unsaved-discard = Ne pas enregistrer
restore-title = Récupérer votre travail ?
restore-text = Fabrique a été fermé sans enregistrer (plantage ou coupure de courant). Votre travail de quelques secondes avant a été gardé.
restore-yes = Récupérer mon travail
restore-no = Repartir de zéro
file-title-open = Ouvrir un projet
file-title-save = Enregistrer le projet
file-title-import = Importer un dessin
file-title-export = Exporter
file-up = Dossier parent
file-name = Nom du fichier
file-confirm-open = Ouvrir ce fichier
file-confirm-save = Enregistrer ce fichier
file-need-name = Tapez d'abord un nom de fichier.
file-name-hidden = Un nom qui commence par un point donne un fichier caché, introuvable ensuite. Retirez le point du début.
file-name-too-long = Ce nom est trop long : { $max } caractères au plus. Raccourcissez-le.
file-replace-title = Remplacer le fichier ?
file-replace-text = { $file } existe déjà (écrit { $age }). Le remplacer par celui-ci ? L'ancien ne pourra pas être récupéré.
file-replace-yes = Remplacer
file-replace-no = Choisir un autre nom
age-now = à l'instant
age-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
age-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}
age-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}
export-title = Exporter
export-text = De quel fichier la machine a-t-elle besoin ?
format-svg = SVG laser
format-svg-tooltip = Pour la plupart des découpeuses laser : mesures en millimètres, découpe en rouge, marquage en bleu, gravure en noir
format-dxf = DXF
format-dxf-tooltip = Pour les logiciels laser qui préfèrent le DXF (un calque par opération)
format-stl = STL
format-stl-tooltip = Pour tous les trancheurs : la surface de l'objet, en millimètres
format-3mf = 3MF
format-3mf-tooltip = Pour les trancheurs récents (PrusaSlicer, Bambu Studio, Cura) : garde les unités et les pièces

## Messages
info-opened = { $file } ouvert.
info-saved = { $file } enregistré.
info-exported = { $file } exporté.
info-imported = { $count ->
    [one] { $count } forme importée à sa taille réelle.
   *[other] { $count } formes importées à leur taille réelle.
}
info-imported-no-size = { $count } forme(s) importée(s). Le fichier n'indique pas sa taille réelle : vérifiez les mesures à droite.

## Erreurs (ce qui s'est passé, et quoi faire)
error-not-a-number = Tapez un nombre, par exemple 40 ou 12,5.
error-not-positive = Il faut une valeur plus grande que zéro.
error-too-large = C'est bien plus grand que n'importe quelle machine : vérifiez le nombre.
error-nothing-selected = Choisissez d'abord une forme : cliquez-la avec l'outil Choisir.
error-need-two-shapes = Choisissez au moins deux formes pleines (Maj + clic pour en ajouter une).
error-beyond-limits = Rien n'a été fait : le dessin dépasserait 200 000 segments ou s'éloignerait de plus de 10 m de son origine, et ne pourrait plus être rouvert. Votre dessin est resté comme avant.
error-need-two-shapes-to-group = Choisissez au moins deux formes à grouper (Maj + clic pour en ajouter une).
error-nothing-left = Il ne resterait rien : les formes ne se chevauchent pas assez. Déplacez-les et réessayez.
error-project-io = Impossible d'ouvrir ou d'écrire { $file } ({ $reason }). Vérifiez que le fichier existe et que le dossier n'est pas en lecture seule.
error-project-corrupt = { $file } n'est pas un projet Fabrique, ou il est abîmé. Rien n'a été modifié ; votre travail est toujours là.
error-project-newer = { $file } a été créé avec une version plus récente de Fabrique. Mettez Fabrique à jour pour l'ouvrir ; rien n'a été modifié.
error-project-too-large = { $file } est bien trop gros pour être un projet. Rien n'a été modifié.
error-file-not-a-file = { $file } n'est pas un fichier ordinaire (un dossier, un tube ou un périphérique) : Fabrique ne peut pas le lire. Choisissez un dessin, une image ou un projet.
error-file-too-large = { $file } est trop gros ({ $size } Mo ; Fabrique lit au plus { $max } Mo). Choisissez un fichier plus petit ou simplifiez le dessin.
error-read = Impossible de lire { $file } ({ $reason }).
error-import = { $file } n'a pas pu être importé : { $reason }. Ouvrez-le dans Inkscape et réenregistrez-le en SVG simple.
error-import-kind = { $file } n'est ni un dessin SVG ni une image. Fabrique importe les fichiers SVG et vectorise les images (PNG, JPEG, BMP, GIF, WebP).
error-import-empty = Ce SVG ne dessine rien de visible : il n'y a rien à importer.
error-export-empty = Dessinez d'abord quelque chose : il n'y a rien à exporter.
error-export-nothing-laser = Rien à découper : toutes les formes ont une taille nulle. Dessinez ou agrandissez une forme.
error-export-nothing-3d = Rien à imprimer : donnez une épaisseur plus grande que zéro à au moins une forme pleine.
error-export-height = Une épaisseur ou une hauteur de départ n'est pas un nombre utilisable. Vérifiez les propriétés 3D de vos formes.
error-export-io = Le fichier n'a pas pu être écrit ({ $reason }). Vérifiez que la clé USB ou le dossier a de la place et n'est pas en lecture seule.
error-export-extension = Choisissez un nom de fichier qui finit par .svg, .dxf, .stl ou .3mf.
error-export-internal = L'export a échoué à cause d'un problème dans Fabrique ({ $reason }). Enregistrez votre projet et prévenez l'équipe du fablab.
error-autosave = La sauvegarde automatique a échoué ({ $reason }). Enregistrez vous-même votre projet par sécurité.
error-export-not-closed = Des formes d'épaisseurs différentes se touchent d'une façon que Fabrique ne sait pas fermer, vers x { $x }, y { $y } mm. Écartez-les de 0,1 mm ou faites-les se chevaucher.
info-export-cancelled = Export annulé : aucun fichier n'a été écrit.
info-save-cancelled = Enregistrement annulé : le fichier sur le disque n'a pas changé.
info-open-cancelled = Ouverture annulée : votre dessin n'a pas changé.
info-import-cancelled = Import annulé : rien n'a été ajouté.
info-busy = Fabrique travaille encore sur le fichier précédent : patientez un instant puis réessayez.
progress-working = Travail en cours…
trace-title = Vectoriser une image
trace-loading = Lecture de l'image…
trace-working = Vectorisation de toute l'image…
trace-mode-filled = Formes
trace-mode-filled-tooltip = Les parties foncées deviennent des formes pleines (pochoirs, logos, lettres)
trace-mode-lines = Traits
trace-mode-lines-tooltip = Chaque trait de stylo devient une seule ligne, découpée ou gravée une fois (dessins, croquis)
trace-auto = Automatique
trace-auto-tooltip = Suit la luminosité du papier sur toute l'image : les ombres et la lumière inégale d'une photo ne gênent pas. Décochez pour régler « Foncé ou clair » à la main.
trace-threshold = Foncé ou clair
trace-threshold-tooltip = Les pixels plus foncés que ce réglage deviennent des formes. Bougez-le jusqu'à ce que l'aperçu soit bon.
trace-invert = Inverser
trace-invert-tooltip = Vectoriser les parties claires au lieu des foncées
trace-speckles = Enlever les taches
trace-speckles-tooltip = Les taches de moins de ce nombre de pixels sont ignorées
trace-width = Largeur du résultat
trace-confirm = Vectoriser et importer
error-trace-nothing = Rien à vectoriser : l'image est toute claire ou toute foncée avec ce réglage. Bougez le curseur « Foncé ou clair ».
error-trace-too-detailed = Cette image donne beaucoup trop de petits détails à vectoriser (plus de 200 000 segments) : elle ressemble à une texture ou à du bruit plutôt qu'à un dessin. Photographiez le dessin seul, sur du papier uni, ou décochez « Automatique » et réglez « Foncé ou clair ».
error-trace-too-large = Cette image est trop grande pour être vectorisée. Réduisez-la (moins de 10 000 pixels de large) et réessayez.
error-trace-unreadable = Cette image ne peut pas être lue. Réenregistrez-la en PNG ou JPEG et réessayez.
tool-pen = Plume
tool-pen-tooltip = Cliquez pour placer des coins, glissez pour tirer des courbes
hint-pen-idle = Cliquez pour placer le premier point. Appuyez et glissez pour faire une courbe.
hint-pen-placing = Cliquez pour un coin, glissez pour une courbe. Cliquez le premier point pour fermer ; Entrée ou double-clic termine un trait ouvert ; Échap annule.
info-moved-on-bed = Le dessin a été déplacé sur le plateau de cette machine (Annuler le remet).

## Au démarrage, quand la fenêtre ne peut pas s'ouvrir (une ligne dans le terminal)
start-failed-graphics = l'affichage OpenGL 2 de cet ordinateur ne démarre pas ({ $reason }). Lancez Fabrique avec le rendu logiciel : LIBGL_ALWAYS_SOFTWARE=1 fabrique (la ligne de commande marche aussi : fabrique --help).
start-failed-display = pas d'écran où ouvrir la fenêtre ({ $reason }). Lancez Fabrique depuis une session graphique, ou utilisez la ligne de commande : fabrique --help
start-failed-other = la fenêtre ne peut pas s'ouvrir ({ $reason }). Utilisez la ligne de commande en attendant : fabrique --help
