# Vérification pour le fablab : problèmes trouvés, corrections et panneau.
# Toute clé ici doit aussi être dans en/check.ftl (un test le vérifie).
# Les longueurs arrivent déjà écrites en millimètres ($size, $gap… : « 12.5 »).

## Ligne de résumé de `fabrique check`
check-summary-ready = { $input } est prêt pour { $machine } : aucun problème trouvé.
check-summary-warnings = { $input } est prêt pour { $machine }, avec { $warnings ->
        [one] un avertissement
       *[other] { $warnings } avertissements
    } :
check-summary-blocked = { $input } n'est pas prêt pour { $machine } : { $blocking ->
        [one] un problème
       *[other] { $blocking } problèmes
    } à corriger, { $warnings ->
        [0] aucun avertissement
        [one] un avertissement
       *[other] { $warnings } avertissements
    } :

## Une ligne par problème : « PROBLÈME : … » ou « attention : … »
check-severity-blocking = PROBLÈME
check-severity-warning = attention
check-line = { $label } : { $text }
check-fix-available = Correction en un clic dans l'application : { $fix }.

## Où regarder (inséré après le sujet de la phrase)
check-place-near = vers x { $x }, y { $y } mm
check-place-shape = (forme { $id })
check-place-shapes = (formes { $ids })
check-place-many = ({ $count } formes)

## Problèmes : quoi, où, que faire
check-too-big-rotated = Le dessin ({ $size }) ne tient sur la machine ({ $bed }) que tourné d'un quart de tour. Tournez-le sur le plateau.
check-too-big = Le dessin ({ $size }) est plus grand que la machine ({ $bed }). Réduisez-le ou coupez-le en plusieurs morceaux.
check-open-path = Une ligne de découpe n'est pas fermée (il manque { $gap } mm){ $at } : la pièce ne se détachera pas. Fermez le tracé.
check-open-slit = Une ligne de découpe n'entoure rien{ $at } : elle fera une simple fente. Si vous vouliez une forme, fermez-la ; si c'est une fente voulue, ignorez ce message.
check-duplicate-shape = Une forme est posée exactement sur une autre ({ $length } mm de trait){ $at } : le laser la découperait deux fois. Supprimez la copie.
check-duplicate-lines = { $length } mm de trait sont dessinés deux fois{ $at } : un autre logiciel les brûlerait deux fois (l'export laser de Fabrique ne les passe qu'une fois). Supprimez l'un des traits si vous utilisez un autre logiciel.
check-narrow-burns = Une bande de matière est plus fine que le trait du laser ({ $limit } mm){ $at } : elle part en fumée et la pièce casse. Élargissez-la.
check-narrow = Une bande de matière est plus fine que { $limit } mm{ $at } : elle risque de casser ou de se tordre. Élargissez-la si possible.
check-hole-small = Un trou de { $size } mm{ $at } est plus petit que la moitié de l'épaisseur du matériau : il ne sera pas découpé proprement. Faites-le d'au moins { $min } mm.
check-text-small = Un texte de { $size } mm{ $at } est trop petit pour être gravé lisiblement. Faites-le d'au moins { $min } mm.
check-island = Un morceau de { $area } mm²{ $at } est au milieu d'un trou et va tomber. Si c'est un pochoir, reliez-le au reste de la plaque par de fins ponts.
check-floating = Une pièce commence { $z } mm au-dessus du plateau{ $at } : elle serait imprimée dans le vide. Posez-la sur le plateau.
check-wall-thin = Une paroi est plus fine que { $min } mm (deux largeurs de buse) à { $z } mm de hauteur{ $at } : elle ne s'imprimera pas. Épaississez-la.
check-mesh-open = Le volume n'est pas fermé{ $at } ({ $open } arêtes ouvertes et { $repeated } en double) : le trancheur risque de le refuser. Écartez un peu les formes ou changez leurs hauteurs là où elles se touchent.
check-bad-height = Une forme a une hauteur ou une base inutilisable ({ $value }){ $at }. Donnez-lui une hauteur en millimètres.
check-nothing = Rien à imprimer : aucune forme remplie avec une hauteur. Dessinez des formes fermées et remplies ; les traits sont pour le laser.
check-off-bed = Une partie du dessin est hors du plateau (jusqu'à { $by } mm au-delà du bord) : la machine ne la fera pas là. Mettez-le sur le plateau.

## Corrections en un clic (info-bulle dans l'application, fin de ligne en ligne de commande)
check-fix-scale = réduire le dessin à { $percent } %
check-fix-remove-duplicates = supprimer la copie
check-fix-close-path = fermer le tracé
check-fix-lower = la poser sur le plateau
check-fix-thicken = l'épaissir à { $min } mm
check-fix-enlarge-hole = agrandir le trou à { $percent } % de sa taille
check-fix-bridges = ajouter deux ponts
check-fix-move-on-bed = mettre sur le plateau

## La vérification dans l'application : bouton de la barre du haut et panneau
cmd-check = Vérifier
cmd-check-tooltip = Le dessin est-il prêt pour la machine du fablab ? La liste des problèmes, avec des corrections en un clic
check-panel-title = Vérification pour le fablab
check-panel-machine = Vérifié pour { $machine }
check-panel-empty = Rien à vérifier pour l'instant : dessinez d'abord une forme.
check-panel-ready = Prêt pour le fablab
check-panel-warnings = Il peut être fabriqué. Jetez un œil à ces avertissements :
check-panel-not-ready = { $count ->
        [one] Un problème à corriger avant le fablab
       *[other] { $count } problèmes à corriger avant le fablab
    }
check-panel-blocking = À corriger
check-panel-warning = Attention
check-panel-show = Montrer
check-panel-show-tooltip = Choisir les formes concernées et encadrer l'endroit sur le dessin
check-panel-fix = Corriger
check-panel-checking = Vérification en cours…
check-panel-failed = La vérification s'est arrêtée de façon inattendue. Enregistrez votre travail, puis réessayez après avoir modifié le dessin.

## Problèmes répétés, une ligne par sorte ; le contenu du dessin à la fin
check-group = { $text } Et { $more ->
        [one] un autre du même genre
       *[other] { $more } autres du même genre
    } (fabrique check --json les liste tous).
check-group-slits = { $count } fentes{ $part } : une charnière souple ? Elles seront découpées comme des traits, telles que dessinées.
check-in-part = dans la pièce { $part }
check-contents = Dans le dessin : { $list }.
check-count-parts = { $count ->
        [one] une pièce à découper
       *[other] { $count } pièces à découper
    }
check-count-solids = { $count ->
        [one] une pièce à imprimer
       *[other] { $count } pièces à imprimer
    }
check-count-holes = { $count ->
        [one] un trou
       *[other] { $count } trous
    }
check-count-slits = { $count ->
        [one] une ligne de coupe ouverte
       *[other] { $count } lignes de coupe ouvertes
    }
check-count-score = { $count ->
        [one] un trait marqué
       *[other] { $count } traits marqués
    }
check-count-engraved = { $count ->
        [one] une surface gravée
       *[other] { $count } surfaces gravées
    }
