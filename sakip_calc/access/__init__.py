"""Access: admin and reader password hashes (scrypt) and the lockout after failed logins. No Streamlit."""
