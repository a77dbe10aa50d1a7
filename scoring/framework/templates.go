package framework

import (
	"fmt"
	"sort"
	"strings"
)

// TemplateVersion is the version of the built-in templates. It changes
// whenever an indicator, name, unit, direction or alias changes, so that a
// saved recipe can say which template it used.
const TemplateVersion = "2026.2"

// TemplateInfo describes a built-in template.
type TemplateInfo struct {
	Name    string `json:"name"` // "drivers", "three-elements" or "tech-green-digital"
	Version string `json:"version"`
	TitleZh string `json:"title_zh"`
	TitleEn string `json:"title_en"`
	DescZh  string `json:"desc_zh"`
	DescEn  string `json:"desc_en"`
}

// tpl is a template node: the code of its parent, the node itself and,
// for indicators, "-" for a negative direction.
type tpl struct {
	parent, code, zh, en, unit, dir string
	aliases                         []string
}

type template struct {
	info  TemplateInfo
	nodes []tpl
}

func templates() []template {
	return []template{
		{TemplateInfo{Name: "drivers", Version: TemplateVersion,
			TitleZh: "驱动因素视角：科技创新、人才集聚、战略性新兴产业、未来产业、数字与绿色支撑（16 项指标）",
			TitleEn: "Drivers view: innovation, talent, strategic emerging industries, future industries, digital and green support (16 indicators)",
			DescZh: "依据钞小静等（2024）、杜传忠等（2023）等提出的新质生产力发展抓手构建，5 个一级维度、16 项指标（methods.md 模板 T3）。" +
				"内置的省级科技面板（techme）只覆盖科技创新、人才集聚和战略性新兴产业三个维度，未来产业和数字与绿色支撑的指标需要另行补充数据。",
			DescEn: "Built on the levers of new quality productive forces named by Chao Xiaojing et al. (2024) and Du Chuanzhong et al. (2023): " +
				"5 dimensions, 16 indicators (methods.md template T3). The bundled provincial S&T panel (techme) covers only the " +
				"innovation, talent and emerging-industry dimensions; future industries and digital/green support need data of their own."},
			driversNodes()},
		{TemplateInfo{Name: "three-elements", Version: TemplateVersion,
			TitleZh: "生产力三要素：劳动者、劳动资料、劳动对象（26 项指标）",
			TitleEn: "Three elements of productive forces: labourers, means of labour, objects of labour (26 indicators)",
			DescZh:  "依据王珏与王荣基（2024）、韩文龙等（2024）等的三要素框架，3 个一级维度、10 个二级维度、26 项指标（methods.md 模板 T1）。",
			DescEn: "The three-element framework of Wang Jue & Wang Rongji (2024), Han Wenlong et al. (2024) and others: " +
				"3 dimensions, 10 sub-dimensions, 26 indicators (methods.md template T1)."},
			threeElementsNodes()},
		{TemplateInfo{Name: "tech-green-digital", Version: TemplateVersion,
			TitleZh: "科技—绿色—数字生产力（18 项指标）",
			TitleEn: "Technological, green and digital productivity (18 indicators)",
			DescZh:  "依据卢江、郭子昂、王煜萍（2024）等的科技生产力、绿色生产力、数字生产力框架，3 个一级维度、6 个二级维度、18 项指标（methods.md 模板 T2）。",
			DescEn: "The technological/green/digital productivity framework of Lu Jiang, Guo Zi'ang & Wang Yuping (2024) and others: " +
				"3 dimensions, 6 sub-dimensions, 18 indicators (methods.md template T2)."},
			techGreenDigitalNodes()},
	}
}

// Templates lists the built-in templates.
func Templates() []TemplateInfo {
	var out []TemplateInfo
	for _, t := range templates() {
		out = append(out, t.info)
	}
	return out
}

// Template returns a fresh copy of a built-in template by name
// ("drivers", "three-elements", "tech-green-digital"; also "T3", "T1",
// "T2"). Every template has the root "Index" (新质生产力指数 / NQP Index),
// weight 1 for every node, and for every indicator an ASCII code, Chinese
// and English names, a unit, a direction and Aliases: column headers that
// mean the indicator, including the column names of the bundled techme
// panel (package sample).
//
// A ratio indicator (基础研究经费占R&D比重, 每万人有效发明专利数,
// 高技术产业营业收入占GDP比重…) never takes a column of absolute amounts:
// its aliases are all ratios too (TestTemplateRatioAliases). A panel that
// has only the numerator leaves the indicator missing; divide the column
// first (the recipe's denominate step, or a column of your own).
//
// The bundled panel covers only the 科技创新, 人才 and high-tech industry
// sides, so with the "drivers" template 7 of the 16 indicators match; the
// ratio indicators 基础研究经费占R&D比重 and 每万人有效发明专利数, the
// 未来产业 and 数字与绿色支撑 indicators and two talent indicators are
// reported missing; Restrict scores the index on the indicators present.
func Template(name string) (*Framework, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "t1", "f1":
		name = "three-elements"
	case "t2", "f3":
		name = "tech-green-digital"
	case "t3", "f5":
		name = "drivers"
	}
	for _, t := range templates() {
		if t.info.Name == name {
			return build(t), nil
		}
	}
	var names []string
	for _, t := range templates() {
		names = append(names, t.info.Name)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("framework: unknown template %q (have %s)", name, strings.Join(names, ", "))
}

func build(t template) *Framework {
	f := &Framework{Name: t.info.Name, Version: t.info.Version}
	f.Nodes = append(f.Nodes, Node{Code: "Index", NameZh: "新质生产力指数", NameEn: "NQP Index", Weight: 1})
	for _, n := range t.nodes {
		node := Node{Code: n.code, Parent: n.parent, NameZh: n.zh, NameEn: n.en, Unit: n.unit, Weight: 1,
			Aliases: append([]string(nil), n.aliases...)}
		if n.dir == "-" {
			node.Direction.Kind = Negative
		}
		f.Nodes = append(f.Nodes, node)
	}
	return f
}

// dim and sub make aggregate nodes.
func dim(code, zh, en string) tpl         { return tpl{parent: "Index", code: code, zh: zh, en: en} }
func sub(parent, code, zh, en string) tpl { return tpl{parent: parent, code: code, zh: zh, en: en} }
func al(a ...string) []string             { return a }
func ind(parent, code, zh, en, unit, dir string, aliases []string) tpl {
	return tpl{parent: parent, code: code, zh: zh, en: en, unit: unit, dir: dir, aliases: aliases}
}

// shared indicators (the same code, names and aliases in every template)
func rdIntensity(parent string) tpl {
	return ind(parent, "rd_intensity", "R&D经费投入强度", "R&D intensity (R&D expenditure / GDP)", "%", "+",
		al("rd_intensity_pct", "R&D投入强度", "R&D经费投入强度", "R&D经费支出占GDP比重", "R&D经费内部支出占GDP比重",
			"研发投入强度", "研发经费投入强度", "R&D强度", "R&D intensity", "RD intensity", "research and development intensity"))
}

func energyIntensity(parent string) tpl {
	return ind(parent, "energy_intensity", "单位GDP能耗", "Energy consumption per unit of GDP", "tce/10k yuan", "-",
		al("单位GDP能源消耗", "万元GDP能耗", "单位地区生产总值能耗", "能源强度", "能耗强度", "能源消耗强度",
			"energy intensity", "energy consumption per unit GDP", "energy_intensity_tce_per_10k_cny"))
}

func driversNodes() []tpl {
	return []tpl{
		dim("tech_innovation", "科技创新", "Technological innovation"),
		ind("tech_innovation", "basic_research_share", "基础研究经费占R&D比重", "Basic-research share of R&D expenditure", "%", "+",
			al("基础研究经费占比", "基础研究经费占R&D经费比重", "基础研究投入占比", "basic research share")),
		rdIntensity("tech_innovation"),
		ind("tech_innovation", "valid_invention_patents_per_10k", "每万人有效发明专利数", "Valid invention patents per 10k people", "items/10k people", "+",
			al("每万人口发明专利拥有量", "每万人有效发明专利拥有量", "有效发明专利（每万人）", "valid invention patents per 10k")),
		ind("tech_innovation", "sci_papers", "SCI论文数", "SCI papers", "papers", "+",
			al("SCI收录论文数", "SCI论文", "SCI收录科技论文数", "国外主要检索工具收录科技论文数", "SCI papers", "sci_papers")),
		dim("talent", "人才集聚", "Talent agglomeration"),
		ind("talent", "rd_fte", "R&D人员全时当量", "R&D personnel full-time equivalent", "person-years", "+",
			al("rd_fte_person_years", "R&D人员全时当量（人年）", "研发人员全时当量", "R&D FTE", "R&D personnel FTE",
				"R&D full-time equivalent")),
		ind("talent", "tertiary_students_per_100k", "每十万人口高等学校平均在校生数", "Tertiary students per 100k people", "persons/100k people", "+",
			al("每十万人高等学校在校生", "每十万人口高等学校在校生数", "每十万人口高校在校生数", "tertiary students per 100k",
				"higher education students per 100k")),
		ind("talent", "postgraduates", "研究生在学人数", "Postgraduate enrolment", "persons", "+",
			al("研究生在校生数", "在学研究生数", "研究生在校人数", "研究生数", "postgraduate students", "postgraduate enrolment")),
		dim("emerging_industries", "战略性新兴产业", "Strategic emerging industries"),
		ind("emerging_industries", "hightech_revenue", "高技术产业营业收入", "High-tech industry revenue", "100m yuan", "+",
			al("hightech_ind_main_revenue_100m_cny", "高技术产业主营业务收入", "高技术产业营业收入（亿元）",
				"high-tech industry revenue", "high-tech industry main business revenue")),
		ind("emerging_industries", "hightech_profit", "高技术产业利润", "High-tech industry profit", "100m yuan", "+",
			al("hightech_ind_profit_100m_cny", "高技术产业利润总额", "high-tech industry profit", "high-tech industry total profit")),
		ind("emerging_industries", "hightech_firms", "高新技术企业数", "Certified high-tech enterprises", "firms", "+",
			al("hightech_firms_certified", "高新技术企业数量", "高新技术企业", "认定高新技术企业数",
				"number of high-tech enterprises", "certified high-tech enterprises")),
		ind("emerging_industries", "tech_contract_turnover", "技术合同成交额", "Technology contract turnover", "10k yuan", "+",
			al("tech_market_outflow_10k_cny", "技术市场成交额", "技术合同成交金额", "技术市场合同成交额", "技术市场成交合同金额",
				"technology market turnover", "technology contract turnover")),
		dim("future_industries", "未来产业", "Future industries"),
		ind("future_industries", "robot_density_ai_firms", "工业机器人密度 / 人工智能企业数", "Industrial robot density / AI firm count", "units/10k workers; firms", "+",
			al("工业机器人密度", "工业机器人安装密度", "人工智能企业数", "人工智能企业数量", "robot density", "industrial robot density",
				"AI firms", "number of AI firms")),
		ind("future_industries", "nev_output", "新能源汽车产量", "New-energy vehicle output", "units", "+",
			al("新能源汽车产量（万辆）", "新能源汽车", "NEV output", "new energy vehicle output", "new-energy vehicles")),
		dim("digital_green", "数字与绿色支撑", "Digital and green support"),
		ind("digital_green", "base_stations_5g", "5G基站数", "5G base stations", "10k stations", "+",
			al("5G基站", "5G基站数量", "5G基站数（万个）", "5G base stations", "number of 5G base stations")),
		ind("digital_green", "digital_finance_index", "数字普惠金融指数", "Digital financial inclusion index", "index", "+",
			al("北京大学数字普惠金融指数", "数字金融指数", "数字普惠金融", "digital financial inclusion index",
				"digital finance index", "PKU-DFIIC")),
		energyIntensity("digital_green"),
	}
}

func threeElementsNodes() []tpl {
	return []tpl{
		dim("labourers", "劳动者", "Labourers"),
		sub("labourers", "labour_quality", "劳动者素质", "Labour skills"),
		ind("labour_quality", "schooling_years", "人均受教育年限", "Average years of schooling (population 6+)", "years", "+",
			al("平均受教育年限", "人均受教育程度", "average years of schooling", "years of schooling")),
		ind("labour_quality", "higher_edu_enrolment", "高等教育在校生占比", "Higher-education enrolment per 10k population", "persons/10k people", "+",
			al("每万人高等教育在校生数", "每万人高校在校生数")),
		ind("labour_quality", "education_exp_intensity", "教育经费强度", "Education expenditure / GDP", "%", "+",
			al("教育支出占GDP比重", "教育经费占GDP比重", "教育经费投入强度", "education expenditure / GDP")),
		ind("labour_quality", "rd_fte_per_10k", "R&D人员全时当量（每万人）", "R&D full-time-equivalent staff per 10k employed", "person-years/10k", "+",
			al("每万人R&D人员全时当量", "每万就业人员R&D人员全时当量",
				"R&D FTE per 10k")),
		sub("labourers", "labour_productivity", "劳动生产率", "Labour productivity"),
		ind("labour_productivity", "gdp_per_capita", "人均GDP", "GDP per capita", "yuan/person", "+",
			al("人均地区生产总值", "人均国内生产总值", "人均生产总值", "GDP per capita", "per capita GDP")),
		ind("labour_productivity", "avg_wage", "城镇单位就业人员平均工资", "Average wage of urban unit employees", "yuan", "+",
			al("城镇单位就业人员平均工资（元）", "平均工资", "职工平均工资", "average wage", "average wage of urban employees")),
		sub("labourers", "labour_structure", "劳动者结构", "Labour structure"),
		ind("labour_structure", "tertiary_employment_share", "第三产业就业占比", "Tertiary-sector share of employment", "%", "+",
			al("第三产业就业人员占比", "第三产业就业比重", "tertiary employment share", "service-sector employment share")),
		ind("labour_structure", "ict_employment_share", "信息传输、软件和信息技术服务业就业占比", "ICT-services employment share", "%", "+",
			al("信息传输软件和信息技术服务业就业人员占比", "信息技术服务业就业占比", "ICT employment share", "ICT services employment share")),
		dim("means_of_labour", "劳动资料", "Means of labour"),
		sub("means_of_labour", "innovation_input", "科技创新投入", "Innovation input"),
		rdIntensity("innovation_input"),
		ind("innovation_input", "sci_tech_exp_share", "财政科技支出占比", "Science & technology share of public budget expenditure", "%", "+",
			al("科学技术支出占一般公共预算支出比重", "财政科技支出占财政支出比重", "科技支出占比",
				"science and technology expenditure share")),
		sub("means_of_labour", "digital_infrastructure", "数字基础设施", "Digital infrastructure"),
		ind("digital_infrastructure", "broadband_ports_per_100", "互联网宽带接入端口（每百人）", "Broadband access ports per 100 people", "ports/100 people", "+",
			al("每百人互联网宽带接入端口", "broadband ports per 100 people")),
		ind("digital_infrastructure", "cable_density", "长途光缆线路密度", "Long-haul optical cable length / area", "km/km²", "+",
			al("光缆线路密度", "光缆密度", "optical cable density", "long-haul optical cable density")),
		ind("digital_infrastructure", "base_stations_per_10k", "移动电话基站/5G基站（每万人）", "Mobile (5G) base stations per 10k people", "stations/10k people", "+",
			al("每万人移动电话基站数", "每万人5G基站数", "mobile base stations per 10k", "5G base stations per 10k")),
		sub("means_of_labour", "intelligent_tools", "智能化", "Intelligent tools"),
		ind("intelligent_tools", "robot_density", "工业机器人安装密度", "Industrial robot density", "units/10k workers", "+",
			al("工业机器人密度", "工业机器人渗透度", "robot density", "industrial robot density")),
		sub("means_of_labour", "energy", "能源/绿色动力", "Energy"),
		energyIntensity("energy"),
		ind("energy", "nonfossil_power_share", "可再生/非化石能源发电占比", "Non-fossil share of electricity generation", "%", "+",
			al("非化石能源发电占比", "可再生能源发电占比", "清洁能源发电占比", "非化石能源发电量占比",
				"non-fossil power share", "renewable power share")),
		dim("objects_of_labour", "劳动对象", "Objects of labour"),
		sub("objects_of_labour", "new_industries", "新质产业", "New industries"),
		ind("new_industries", "hightech_revenue_gdp", "高技术产业营业收入占GDP比重", "High-tech industry revenue / GDP", "%", "+",
			al("高技术产业营业收入占比", "高技术产业主营业务收入占GDP比重", "high-tech industry revenue / GDP")),
		ind("new_industries", "emerging_industries_firms", "战略性新兴产业增加值占比 / 高新技术企业数", "Strategic emerging industries share / certified high-tech firms", "% / firms", "+",
			al("战略性新兴产业增加值占比", "战略性新兴产业增加值占GDP比重", "hightech_firms_certified", "高新技术企业数",
				"strategic emerging industries share", "certified high-tech enterprises")),
		ind("new_industries", "tech_market_gdp", "技术市场成交额占GDP比重", "Technology-market turnover / GDP", "%", "+",
			al("技术市场成交额占比", "技术合同成交额占GDP比重", "technology market turnover / GDP")),
		ind("new_industries", "ecommerce_digital_finance", "电子商务销售额 / 数字普惠金融指数", "E-commerce sales / digital financial inclusion index", "100m yuan / index", "+",
			al("电子商务销售额", "数字普惠金融指数", "北京大学数字普惠金融指数", "e-commerce sales", "digital financial inclusion index")),
		sub("objects_of_labour", "innovation_output", "创新产出", "Innovation output"),
		ind("innovation_output", "invention_patents_per_10k", "每万人发明专利授权数", "Invention patents granted per 10k people", "items/10k people", "+",
			al("每万人发明专利授权量")),
		ind("innovation_output", "new_product_sales_share", "新产品销售收入占比", "New-product sales / main business revenue (industrial firms)", "%", "+",
			al("新产品销售收入占主营业务收入比重", "规上工业企业新产品销售收入占比", "new product sales share")),
		sub("objects_of_labour", "ecology", "生态环境", "Ecology"),
		ind("ecology", "forest_coverage", "森林覆盖率", "Forest coverage", "%", "+",
			al("森林覆盖率（%）", "forest coverage", "forest coverage rate")),
		ind("ecology", "so2_per_gdp", "单位GDP工业二氧化硫排放", "Industrial SO₂ per unit of GDP", "t/100m yuan", "-",
			al("工业二氧化硫排放强度", "单位GDP二氧化硫排放", "二氧化硫排放强度", "SO2 intensity", "SO2 emissions per unit GDP")),
		ind("ecology", "co2_per_gdp", "单位GDP碳排放", "CO₂ per unit of GDP", "t/10k yuan", "-",
			al("碳排放强度", "单位GDP二氧化碳排放", "二氧化碳排放强度", "carbon intensity", "CO2 intensity", "CO2 emissions per unit GDP")),
		ind("ecology", "env_protection_exp_share", "环境保护支出占比", "Environmental-protection share of public expenditure", "%", "+",
			al("节能环保支出占比", "环境保护支出占一般公共预算支出比重", "节能环保支出占财政支出比重",
				"environmental protection expenditure share")),
	}
}

func techGreenDigitalNodes() []tpl {
	return []tpl{
		dim("tech", "科技生产力", "Technological productivity"),
		sub("tech", "innovation_input", "创新投入", "Innovation input"),
		rdIntensity("innovation_input"),
		ind("innovation_input", "rd_fte_per_10k", "每万人R&D人员全时当量", "R&D FTE per 10k people", "person-years/10k people", "+",
			al("R&D人员全时当量（每万人）", "每万人R&D人员", "R&D FTE per 10k")),
		sub("tech", "innovation_output", "创新产出", "Innovation output"),
		ind("innovation_output", "invention_patents_per_10k", "每万人发明专利授权量", "Invention patents per 10k people", "items/10k people", "+",
			al("每万人发明专利授权数")),
		ind("innovation_output", "tech_market_gdp", "技术市场成交额/GDP", "Technology-market turnover / GDP", "%", "+",
			al("技术市场成交额占GDP比重", "技术合同成交额占GDP比重")),
		sub("tech", "industrialisation", "技术产业化", "Industrialisation of technology"),
		ind("industrialisation", "hightech_revenue_gdp", "高技术产业营业收入/GDP", "High-tech industry revenue / GDP", "%", "+",
			al("高技术产业营业收入占GDP比重", "高技术产业主营业务收入占GDP比重")),
		ind("industrialisation", "new_product_sales_share", "规上工业企业新产品销售收入占比", "New-product sales share (industrial firms above designated size)", "%", "+",
			al("新产品销售收入占比", "新产品销售收入占主营业务收入比重", "new product sales share")),
		dim("green", "绿色生产力", "Green productivity"),
		sub("green", "resource_saving", "资源节约", "Resource saving"),
		energyIntensity("resource_saving"),
		ind("resource_saving", "water_per_gdp", "单位GDP用水量", "Water use per unit of GDP", "m³/10k yuan", "-",
			al("万元GDP用水量", "单位地区生产总值用水量", "用水强度", "water intensity", "water use per unit GDP")),
		ind("resource_saving", "solid_waste_utilisation", "工业固体废物综合利用率", "Industrial solid-waste utilisation rate", "%", "+",
			al("一般工业固体废物综合利用率", "工业固废综合利用率", "solid waste utilisation rate")),
		sub("green", "environment_friendly", "环境友好", "Environment friendliness"),
		ind("environment_friendly", "so2_wastewater_per_gdp", "单位GDP二氧化硫/废水排放", "SO₂ / wastewater per unit of GDP", "t/100m yuan", "-",
			al("单位GDP二氧化硫排放", "单位GDP废水排放", "二氧化硫排放强度", "废水排放强度", "SO2 intensity", "wastewater intensity")),
		ind("environment_friendly", "green_coverage", "森林覆盖率 / 建成区绿化覆盖率", "Forest / built-up area green coverage", "%", "+",
			al("森林覆盖率", "建成区绿化覆盖率", "forest coverage", "green coverage of built-up areas")),
		ind("environment_friendly", "waste_harmless_rate", "生活垃圾无害化处理率", "Harmless treatment rate of household waste", "%", "+",
			al("城市生活垃圾无害化处理率", "垃圾无害化处理率", "household waste harmless treatment rate")),
		dim("digital", "数字生产力", "Digital productivity"),
		sub("digital", "digital_foundation", "数字基础", "Digital foundations"),
		ind("digital_foundation", "broadband_ports_per_100", "互联网宽带接入端口/人", "Broadband access ports per 100 people", "ports/100 people", "+",
			al("互联网宽带接入端口（每百人）", "每百人互联网宽带接入端口")),
		ind("digital_foundation", "mobile_penetration", "移动电话普及率", "Mobile phone penetration", "sets/100 people", "+",
			al("移动电话普及率（部/百人）", "移动电话普及率(部/百人)", "mobile phone penetration", "mobile phones per 100 people")),
		ind("digital_foundation", "cable_density", "光缆线路密度", "Optical cable density", "km/km²", "+",
			al("长途光缆线路密度", "光缆密度", "optical cable density")),
		sub("digital", "digital_industry", "数字产业", "Digital industry"),
		ind("digital_industry", "software_revenue_gdp", "软件业务收入/GDP", "Software business revenue / GDP", "%", "+",
			al("软件业务收入占GDP比重", "software revenue / GDP")),
		ind("digital_industry", "telecom_volume_gdp", "电信业务总量/GDP", "Telecom business volume / GDP", "%", "+",
			al("电信业务总量占GDP比重", "telecom business volume / GDP")),
		ind("digital_industry", "ecommerce_firm_share", "有电子商务交易活动企业比重", "Share of enterprises with e-commerce", "%", "+",
			al("有电子商务交易活动的企业比重", "电子商务企业比重", "share of enterprises with e-commerce")),
	}
}
