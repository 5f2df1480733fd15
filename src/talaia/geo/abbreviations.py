"""Standard abbreviations of first-level units as news writes them (AP style and common usage).

Only forms that are not also ordinary words are listed ("Ind." yes, "IN" no), so that a
match is a place.
"""

from __future__ import annotations

ADMIN1_ABBREVIATIONS: dict[str, dict[str, str]] = {
    "US": {
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
        "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
        "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
        "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
        "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
        "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
        "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
        "Ore.": "Oregon", "Oreg.": "Oregon", "Pa.": "Pennsylvania", "Penn.": "Pennsylvania",
        "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
        "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
        "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
        "D.C.": "District of Columbia",
    },
    "CA": {
        "B.C.": "British Columbia", "Ont.": "Ontario", "Que.": "Quebec", "Alta.": "Alberta",
        "Sask.": "Saskatchewan", "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "Nfld.": "Newfoundland and Labrador",
        "P.E.I.": "Prince Edward Island",
    },
    "AU": {"NSW": "New South Wales", "Qld": "Queensland", "Tas.": "Tasmania"},
    "MX": {
        "CDMX": "Ciudad de México", "Edomex": "México", "Edo. Méx.": "México", "Edo. Mex.": "México",
        "Ags.": "Aguascalientes", "B.C.": "Baja California", "BC": "Baja California", "BCS": "Baja California Sur",
        "B.C.S.": "Baja California Sur", "Camp.": "Campeche", "Chis.": "Chiapas", "Chih.": "Chihuahua",
        "Coah.": "Coahuila", "Dgo.": "Durango", "Gto.": "Guanajuato", "Gro.": "Guerrero", "Hgo.": "Hidalgo",
        "Jal.": "Jalisco", "Mich.": "Michoacán", "Mich": "Michoacán", "Mor.": "Morelos", "Nay.": "Nayarit",
        "N.L.": "Nuevo León", "Oax.": "Oaxaca", "Pue.": "Puebla", "Qro.": "Querétaro", "Q. Roo": "Quintana Roo",
        "Q.Roo": "Quintana Roo", "SLP": "San Luis Potosí", "S.L.P.": "San Luis Potosí", "Sin.": "Sinaloa",
        "Tab.": "Tabasco", "Tamps.": "Tamaulipas", "Tlax.": "Tlaxcala", "Ver.": "Veracruz", "Yuc.": "Yucatán",
        "Zac.": "Zacatecas",
    },
}
