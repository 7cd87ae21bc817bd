package model

// UserEdit holds the fields the TUI's user form edits. Keys are the API's
// field names, so a diff maps straight onto a PATCH body and onto DRF's
// field errors.
type UserEdit struct {
	FirstName   string
	LastName    string
	Email       string
	Phone       string
	Tags        string
	Shell       string
	IsActive    bool
	IsStaff     bool
	IsSuperuser bool
}

// EditOf copies the editable fields of u.
func EditOf(u User) UserEdit {
	return UserEdit{
		FirstName: u.FirstName, LastName: u.LastName, Email: u.Email,
		Phone: u.Phone, Tags: u.Tags, Shell: u.Shell,
		IsActive: u.IsActive, IsStaff: u.IsStaff, IsSuperuser: u.IsSuperuser,
	}
}

// Changes returns the PATCH body that turns orig into e: only the fields
// that differ. Sending unchanged privilege flags would make the server
// refuse a non-superuser's edit, so nothing else may be sent.
func (e UserEdit) Changes(orig UserEdit) map[string]any {
	out := map[string]any{}
	str := func(key, now, was string) {
		if now != was {
			out[key] = now
		}
	}
	flag := func(key string, now, was bool) {
		if now != was {
			out[key] = now
		}
	}
	str("first_name", e.FirstName, orig.FirstName)
	str("last_name", e.LastName, orig.LastName)
	str("email", e.Email, orig.Email)
	str("phone", e.Phone, orig.Phone)
	str("tags", e.Tags, orig.Tags)
	str("shell", e.Shell, orig.Shell)
	flag("is_active", e.IsActive, orig.IsActive)
	flag("is_staff", e.IsStaff, orig.IsStaff)
	flag("is_superuser", e.IsSuperuser, orig.IsSuperuser)
	return out
}
