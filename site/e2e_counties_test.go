package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// countyUnits are the 16 counties of the county test file: 7 of 嘉兴市, 5
// of 湖州市 and 4 of 杭州市, written as a statistics office might (full
// names, short names, one 6-digit code). 西湖区 is also a district of
// 南昌市: the file's 地级市 column tells them apart.
var countyUnits = []struct{ name, pref string }{
	{"南湖区", "嘉兴市"}, {"秀洲区", "嘉兴市"}, {"嘉善县", "嘉兴市"}, {"海盐", "嘉兴市"}, {"海宁市", "嘉兴市"}, {"平湖", "嘉兴市"}, {"330483", "嘉兴市"},
	{"吴兴区", "湖州市"}, {"南浔区", "湖州市"}, {"德清县", "湖州市"}, {"长兴", "湖州市"}, {"安吉县", "湖州市"},
	{"上城区", "杭州市"}, {"拱墅区", "杭州市"}, {"西湖区", "杭州市"}, {"滨江区", "杭州市"},
}

// countyGBK writes the county panel (GBK, Chinese headers, two years) and
// a spatial weights matrix (UTF-8; 1 within a prefecture) to dir.
func countyGBK(t *testing.T, dir string) (data, weights string) {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("地区,地级市,年份,地区生产总值（亿元）,R&D经费投入强度（%）,每万人发明专利拥有量（件）,单位GDP能耗（吨标准煤/万元）\r\n")
	for y := 2022; y <= 2023; y++ {
		for i, u := range countyUnits {
			k := float64(i + 1)
			fmt.Fprintf(&sb, "%s,%s,%d,%.1f,%.2f,%.1f,%.3f\r\n", u.name, u.pref, y,
				300+37*k+float64(y-2022)*11, 1.8+0.13*float64((i*7)%16), 12+2.5*float64((i*5)%16)+float64(y-2022), 0.52-0.011*float64((i*3)%16))
		}
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(sb.String()))
	if err != nil {
		t.Fatal(err)
	}
	data = filepath.Join(dir, "县域科技创新2022-2023.csv")
	if err := os.WriteFile(data, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var w strings.Builder
	for _, u := range countyUnits {
		w.WriteString("," + u.name)
	}
	w.WriteString("\n")
	for _, a := range countyUnits {
		w.WriteString(a.name)
		for _, c := range countyUnits {
			v := "0"
			if a.pref == c.pref && a.name != c.name {
				v = "1"
			}
			w.WriteString("," + v)
		}
		w.WriteString("\n")
	}
	weights = filepath.Join(dir, "县域邻接矩阵.csv")
	if err := os.WriteFile(weights, []byte(w.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, weights
}

// TestE2ECounties: a county statistics officer's GBK file with Chinese
// headers is read as counties (16 units in 3 prefectures, 西湖区 placed in
// 杭州市 by the prefecture column; ranks within prefectures), Dagum and
// Theil run by prefecture,
// and Moran's I says why it cannot run until a weights matrix CSV is
// uploaded, then runs with it.
func TestE2ECounties(t *testing.T) {
	b := newBrowser(t)
	b.open()
	data, weights := countyGBK(t, t.TempDir())
	b.do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{data}))
	if err := b.poll(`(document.getElementById('summary')||{innerText:''}).innerText.includes('县域科技创新') && !document.getElementById('busy')
		&& document.querySelectorAll('#ranking tbody tr').length === 16 && !!document.getElementById('an-units')`); err != nil {
		t.Fatalf("the county file did not score: %v; page: %q", err, b.body())
	}
	if s := b.text("#an-units"); s != "16 个县级地区，分属 3 个地级市：杭州市 4、嘉兴市 7、湖州市 5" {
		t.Errorf("units note %q", s)
	}
	page, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page, "无法识别") {
		t.Errorf("some units were not recognised: %q", page[:min(len(page), 2000)])
	}
	for _, name := range []string{"嘉善县", "海盐县", "平湖市", "桐乡市", "长兴县", "西湖区"} {
		if !strings.Contains(b.text("#ranking"), name) {
			t.Errorf("the ranking lacks %s", name)
		}
	}
	// Ranks within prefectures: each row of the ranking names its prefecture.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('m-rank.groups'); s.value = 'prefecture'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	if err := b.poll(`!document.getElementById('busy') && [...document.querySelectorAll('#ranking tbody tr')].length === 16
		&& [...document.querySelectorAll('#ranking tbody tr')].every(tr => /(杭州市|嘉兴市|湖州市)/.test(tr.innerText))
		&& [...document.querySelectorAll('#ranking tbody tr')].some(tr => tr.innerText.includes('西湖区') && tr.innerText.includes('杭州市'))
		&& [...document.querySelectorAll('#ranking tbody tr')].some(tr => tr.innerText.includes('桐乡市') && tr.innerText.includes('嘉兴市'))`); err != nil {
		t.Errorf("the ranking does not show the prefectures: %v; ranking %q", err, b.text("#ranking"))
	}
	// Moran's I is listed, disabled, with the reason.
	if err := b.poll(`!!document.getElementById('an-use-moran') && document.getElementById('an-use-moran').disabled`); err != nil {
		t.Errorf("Moran's I is not listed as unavailable: %v", err)
	}
	if s := b.text("#an-why-moran"); !strings.Contains(s, "县级地区没有内置空间权重，请上传空间权重矩阵 CSV") {
		t.Errorf("Moran's I reason %q", s)
	}
	// Dagum and Theil by prefecture.
	for _, id := range []string{"an-use-dagum", "an-use-theil"} {
		if err := b.poll(`!!document.getElementById('` + id + `') && !document.getElementById('` + id + `').disabled`); err != nil {
			t.Fatalf("%s is not available: %v; page %q", id, err, b.body())
		}
		b.do(chromedp.Click(chromedp.ID(id)))
		if err := b.poll(`!document.getElementById('busy') && document.getElementById('` + id + `').checked`); err != nil {
			t.Fatalf("%s did not stay checked: %v", id, err)
		}
	}
	for _, tb := range []string{"an-dagum-groups", "an-theil-groups"} {
		if err := b.poll(`(() => { const t = document.querySelector('#analyses table#` + tb + `'); return !!t && ['杭州市','嘉兴市','湖州市'].every(g => t.innerText.includes(g)); })()`); err != nil {
			t.Errorf("%s is not by prefecture: %v", tb, err)
		}
	}
	// The weights matrix: Moran's I then runs with it.
	b.do(chromedp.SetUploadFiles(chromedp.ID("an-wfile"), []string{weights}))
	if err := b.poll(`!document.getElementById('busy') && !!document.getElementById('an-use-moran') && document.getElementById('an-use-moran').checked
		&& !document.getElementById('an-use-moran').disabled && document.querySelectorAll('#analyses table#an-moran tbody tr').length === 2`); err != nil {
		t.Fatalf("Moran's I did not run with the uploaded matrix: %v; page %q", err, b.body())
	}
	if s := b.text("#an-wnote"); !strings.Contains(s, "县域邻接矩阵.csv") || !strings.Contains(s, "16 个地区") {
		t.Errorf("upload note %q", s)
	}
	for _, row := range []string{"tr:first-child", "tr:last-child"} {
		cells, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#an-moran tbody `+row+` td')].map(td => td.innerText)`))
		if err != nil || len(cells) < 3 {
			t.Fatalf("moran row: %v %v", cells, err)
		}
		// within-prefecture blocks: I lies in [−1, 1] and is a number
		if v, err := strconv.ParseFloat(cells[2], 64); err != nil || v < -1 || v > 1 {
			t.Errorf("Moran's I cell %q (row %v)", cells[2], cells)
		}
	}
	if strings.Contains(b.text("#analyses"), "县级地区没有内置空间权重") {
		t.Error("the reason is still shown after the upload")
	}
	b.check()
}
