# Boîte à encoches. Chaque clé doit aussi être dans en/box.ftl.

box-button = Boîte
box-button-tooltip = Fabriquer les panneaux d'une boîte à encoches, prêts pour la découpe laser
box-title = Boîte à encoches
box-intro = Tapez la taille intérieure de la boîte. Les panneaux s'emboîtent par leurs bords ; ils sont agrandis d'un demi-kerf pour que les encoches tiennent bien serrées.
box-width = Largeur intérieure (mm)
box-width-tooltip = Taille intérieure de gauche à droite, en millimètres
box-depth = Profondeur intérieure (mm)
box-depth-tooltip = Taille intérieure de l'avant à l'arrière, en millimètres
box-height = Hauteur intérieure (mm)
box-height-tooltip = Taille intérieure du fond vers le haut, en millimètres
box-thickness = Épaisseur du matériau (mm)
box-thickness-tooltip = Mesurez votre planche au pied à coulisse : un contreplaqué vendu en 3 mm fait souvent de 2,8 à 3,2 mm
box-kerf = Kerf, largeur de coupe (mm)
box-kerf-tooltip = Largeur de matière brûlée par le faisceau, en général 0,1 à 0,3 mm ; demandez la valeur de la machine au fablab (0 pour ne pas compenser)
box-lid = Couvercle
box-lid-tooltip = Une boîte fermée avec couvercle (6 panneaux) ; décochez pour une boîte ouverte en haut (5 panneaux)
box-create = Créer
box-created = Boîte créée : { $count } panneaux, groupés. Découpez-les tous, puis emboîtez-les.
box-error-not-a-number = « { $field } » n'est pas un nombre. Tapez une longueur en millimètres, par exemple 80 ou 2,5.
box-error-not-positive = « { $field } » doit être plus grand que 0 (vous avez tapé { $value }).
box-error-kerf-negative = Le kerf ne peut pas être négatif (vous avez tapé { $value }). Tapez 0 pour ne pas compenser.
box-error-too-large = « { $field } » vaut { $value } mm : c'est plus grand que n'importe quel laser (au plus { $max } mm).
box-error-too-thin = Une planche de { $thickness } mm est trop fine pour des encoches : utilisez un matériau d'au moins { $min } mm.
box-error-too-thick = Le matériau ({ $thickness } mm) est trop épais pour cette boîte : il doit faire moins du tiers de la plus petite taille intérieure ({ $size } mm), donc moins de { $max } mm. Prenez un matériau plus fin ou agrandissez la boîte.
box-error-kerf-too-large = Le kerf ({ $kerf } mm) doit être plus petit que l'épaisseur du matériau ({ $thickness } mm). Il fait en général 0,1 à 0,3 mm.
box-error-internal = La boîte n'a pas pu être fabriquée (c'est un bogue de Fabrique : { $reason }). Essayez des tailles un peu différentes.
