-- 016: the communes, found without reading every org (issue 12; measured in
-- docs/performance.md). The national communes query (store_country.c) asks
-- for every commune, live on a day, in id order: "kind = 'commune'" is one
-- org row in ~16 (a commune and its ~15 units), and no index held kind, so
-- it read the whole orgs table (3,321 communes in ~56,000 orgs at national
-- size). This partial index holds only the communes' rows, in id order, so
-- the query reads those rows and no sort is needed. The province's communes
-- (store_province.c) are found by orgs_parent already: a province's
-- children are its communes. Numbered 016 when the branches met (015 is the LISTEN/NOTIFY migration).
CREATE INDEX orgs_communes ON orgs (id) WHERE kind = 'commune';
