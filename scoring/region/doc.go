// Package region describes China's 31 provincial-level divisions (the
// units of most NQP studies): codes, names in several forms, the NBS
// four-region and the older three-belt groupings, approximate coordinates
// and the land adjacency used for spatial weight matrices.
//
// Its main job is to recognise a province in whatever form an uploaded
// table writes it: 北京市, 北京, 京, 110000, 11, Beijing, "北   京",
// 内蒙古自治区, Nei Mongol, Shaanxi (陕西, not Shanxi 山西) and so on.
//
// It also knows the national statistical division codes (NBS 2023: 31
// provinces, 342 prefectures, 2,978 counties; divisions.go): Candidates
// finds the divisions a text may name (嘉善县, 嘉善, 330421, 3304,
// 浙江省嘉兴市嘉善县), Narrow keeps those in a province or prefecture, and a
// Resolver matches a whole file's units (the ingest package's
// UnitResolver): provincial files as Match does, others as prefectures or
// counties, with a province or prefecture column for shared names (朝阳区)
// and a former-name mapping (ReadFormerNames: 襄樊 → 襄阳). DivisionGroup
// gives a unit's prefecture or province as a group. ReadWeights reads a
// spatial weights matrix CSV.
//
// The tables are embedded (go:embed) copies of the project's shared data;
// see data/PROVENANCE.md and data/divisions/PROVENANCE.md.
package region
