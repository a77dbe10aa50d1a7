package pipeline

// The pipeline's internal errors are bilingual (diag.Bilingual), so that
// diag.Message picks one language without splitting a string.

// Zh returns the Chinese message.
func (m *msg) Zh() string { return m.zh }

// En returns the English message.
func (m *msg) En() string { return m.en }

// Zh returns the Chinese message.
func (e *colErr) Zh() string { return e.zh }

// En returns the English message.
func (e *colErr) En() string { return e.en }
