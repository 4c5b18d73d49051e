"""Belgian place names that can identify a family in free text: municipalities of Flanders and Brussels (also
the names from before the mergers of 2019 and 2025, still used in speech), well-known sub-municipalities
(deelgemeenten) and the larger Walloon towns. Used by ``pseudonym`` beside the case's own places.

Written out here rather than taken from a de-identification library: the Dutch ones (``deduce``) know the
Netherlands' places only (Dendermonde, Lokeren, Sint-Gillis are not in them).
"""

from __future__ import annotations

_TEXT = """
Aalst Aalter Aarschot Aartselaar Affligem Alken Alveringem Antwerpen Anzegem Ardooie Arendonk As Asse Assenede
Avelgem Baarle-Hertog Balen Beernem Beerse Beersel Begijnendijk Bekkevoort Beringen Berlaar Berlare Bertem Bever
Beveren Beveren-Waas Bierbeek Bilzen Bilzen-Hoeselt Blankenberge Bocholt Boechout Bonheiden Boom Boortmeerbeek
Borgloon Bornem Borsbeek Boutersem Brakel Brasschaat Brecht Bredene Bree Brugge Buggenhout Damme De Haan De Panne
De Pinte Deerlijk Deinze Denderleeuw Dendermonde Dentergem Dessel Destelbergen Diepenbeek Diest Diksmuide
Dilbeek Dilsen-Stokkem Drogenbos Duffel Edegem Eeklo Erpe-Mere Essen Evergem Galmaarden Gavere Geel Geetbets Genk
Gent Geraardsbergen Gingelom Gistel Glabbeek Gooik Grimbergen Grobbendonk Haacht Haaltert Halen Halle Ham Hamme
Hamont-Achel Harelbeke Hasselt Hechtel-Eksel Heers Heist-op-den-Berg Hemiksem Herent Herentals Herenthout
Herk-de-Stad Herne Herselt Herstappe Herzele Heusden-Zolder Heuvelland Hoegaarden Hoeilaart Hoeselt Holsbeek
Hooglede Hoogstraten Horebeke Houthalen-Helchteren Houthulst Hove Huldenberg Hulshout Ichtegem Ieper Ingelmunster
Izegem Jabbeke Kalmthout Kampenhout Kapelle-op-den-Bos Kapellen Kaprijke Kasterlee Keerbergen Kinrooi Kluisbergen
Knesselare Knokke-Heist Koekelare Koksijde Kontich Kortemark Kortenaken Kortenberg Kortessem Kortrijk Kraainem
Kruibeke Kruishoutem Kruisem Kuurne Laakdal Laarne Lanaken Landen Langemark-Poelkapelle Lebbeke Lede Ledegem
Lendelede Lennik Leopoldsburg Leuven Lichtervelde Liedekerke Lier Lierde Lievegem Lille Linkebeek Lint Linter
Lochristi Lokeren Lommel Londerzeel Lovendegem Lubbeek Lummen Maarkedal Maaseik Maasmechelen Machelen Maldegem
Malle Mechelen Meerhout Meise Melle Menen Merchtem Merelbeke Merelbeke-Melle Merksplas Mesen Meulebeke Middelkerke
Moerbeke Mol Moorslede Mortsel Nazareth Nazareth-De Pinte Neerpelt Nevele Niel Nieuwerkerken Nieuwpoort Nijlen
Ninove Olen Oosterzele Oostende Oostkamp Oostrozebeke Opglabbeek Opwijk Oudenaarde Oudenburg Oudergem Oud-Heverlee
Oud-Turnhout Overijse Overpelt Peer Pelt Pittem Poperinge Putte Puurs Puurs-Sint-Amands Ranst Ravels Retie
Riemst Rijkevorsel Roeselare Ronse Roosdaal Rotselaar Ruiselede Rumst Schelle Scherpenheuvel-Zichem Schilde
Schoten Sint-Amands Sint-Genesius-Rode Sint-Gillis-Waas Sint-Katelijne-Waver Sint-Laureins Sint-Lievens-Houtem
Sint-Martens-Latem Sint-Niklaas Sint-Pieters-Leeuw Sint-Truiden Spiere-Helkijn Stabroek Staden Steenokkerzeel
Stekene Temse Ternat Tervuren Tessenderlo Tielt Tielt-Winge Tienen Tongeren Tongeren-Borgloon Torhout Tremelo
Turnhout Veurne Vilvoorde Vleteren Voeren Vorselaar Vosselaar Waarschoot Waasmunster Wachtebeke Waregem
Wellen Wemmel Wervik Westerlo Wetteren Wevelgem Wezembeek-Oppem Wichelen Wielsbeke Wijnegem Willebroek Wingene
Wommelgem Wortegem-Petegem Wuustwezel Zandhoven Zaventem Zedelgem Zele Zelzate Zemst Zingem Zoersel Zomergem
Zonhoven Zonnebeke Zottegem Zoutleeuw Zuienkerke Zulte Zutendaal Zwalm Zwevegem Zwijndrecht
Brussel Anderlecht Elsene Etterbeek Evere Ganshoren Jette Koekelberg Molenbeek Sint-Jans-Molenbeek Schaarbeek
Sint-Agatha-Berchem Sint-Gillis Sint-Joost-ten-Node Sint-Lambrechts-Woluwe Sint-Pieters-Woluwe Ukkel Vorst
Watermaal-Bosvoorde Laken Neder-Over-Heembeek Haren
Erembodegem Gijzegem Hofstade Herdersem Meldert Moorsel Nieuwerkerken-Aalst Baardegem Terjoden Appels Baasrode
Grembergen Mespelaar Oudegem Schoonaarde Sint-Gillis-bij-Dendermonde Daknam Eksaarde Sinaai Belsele Nieuwkerken-Waas
Tielrode Elversele Steendorp Zwijnaarde Ledeberg Gentbrugge Mariakerke Drongen Oostakker Sint-Amandsberg Wondelgem
Sint-Denijs-Westrem Afsnee Ekeren Merksem Deurne Borgerhout Berchem Wilrijk Hoboken Berendrecht Zandvliet Lillo
Kessel-Lo Heverlee Wilsele Wijgmaal Okegem Appelterre-Eichem Denderwindeke Pollare Meerbeke Outer Voorde Aspelare
Nederhasselt Lieferinge Iddergem Welle Teralfene Wieze Oordegem Smetlede Impe Wanzele Kalken Overmere Uitbergen
Schellebelle Serskamp Westrem Massemen Zele-Heikant Hamme-Zogge Moerzeke Waasmunster-Sombeke Kemzeke Tielrode
Wetteren-Overschelde Oostduinkerke Heist Duinbergen Westende Mariakerke-Oostende Stene Zandvoorde Sint-Andries
Sint-Kruis Assebroek Sint-Michiels Dudzele Lissewege Zeebrugge Koolkerke
Luik Namen Charleroi Bergen Doornik Moeskroen Aarlen Waver Nijvel Hoei Verviers Eupen Sankt-Vith Seraing
Louvain-la-Neuve Ottignies Edingen Lessen Komen Ath Aat Mons Namur Liège Tournai Mouscron Arlon Wavre Nivelles
"""

MULTIWORD = ("De Haan", "De Panne", "De Pinte", "Nazareth-De Pinte")
PLACES: frozenset[str] = frozenset(
    {w for w in _TEXT.split() if w not in {"De", "Haan", "Panne", "Pinte", "Nazareth-De"}} | set(MULTIWORD)
)

AMBIGUOUS: frozenset[str] = frozenset(
    [
        "As",
        "Ham",
        "Bever",
        "Lille",
        "Mol",
        "Peer",
        "Lint",
        "Bree",
        "Hove",
        "Heist",
        "Outer",
        "Welle",
        "Impe",
        "Voorde",
        "Stene",
        "Aat",
        "Niel",
        "Vorst",
        "Olen",
        "Essen",
        "Malle",
        "Haren",
        "Laken",
        "Halle",
        "Melle",
        "Lede",
        "Herne",
        "Putte",
        "Mesen",
        "Lier",
        "Damme",
        "Geel",
        "Boom",
        "Duffel",
        "Pelt",
        "Halen",
        "Landen",
        "Alken",
        "Balen",
        "Kapellen",
        "Menen",
        "Bergen",
        "Namen",
        "Luik",
        "Lessen",
        "Schoten",
        "Moorsel",
        "Berchem",
        "Deurne",
        "Oudegem",
        "Appels",
        "Outer",
        "Ath",
        "Komen",
        "Ranst",
        "Zoersel",
        "Hamme",
        "Wellen",
        "Beveren",
        "Peer",
        "Gistel",
        "Lummen",
        "Tielt",
        "Ronse",
        "Merksem",
        "Heverlee",
        "Stabroek",
        "Damme",
        "Hofstade",
        "Kessel",
    ]
)
"""Place names that are also ordinary Dutch words (``Namen``, ``Landen``, ``Boom``): replaced only after a word
that introduces a place (``in``, ``te``, ``uit``, ``naar``, ``afdeling``...)."""
