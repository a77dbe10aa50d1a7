// Package region describes China's 31 provincial-level divisions (the
// units of most NQP studies): codes, names in several forms, the NBS
// four-region and the older three-belt groupings, approximate coordinates
// and the land adjacency used for spatial weight matrices.
//
// Its main job is to recognise a province in whatever form an uploaded
// table writes it: 北京市, 北京, 京, 110000, 11, Beijing, "北   京",
// 内蒙古自治区, Nei Mongol, Shaanxi (陕西, not Shanxi 山西) and so on.
//
// The tables are embedded (go:embed) copies of the project's shared data;
// see data/PROVENANCE.md.
package region
