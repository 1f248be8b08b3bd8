package io.wampspring.sample.security;

import io.wampspring.spring.annotation.Kwarg;
import io.wampspring.spring.annotation.WampProcedure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A procedure only the {@code backend} role may call, decided by {@code @PreAuthorize}
 * and not by the router (which lets every role call {@code com.example.*}), and one whose
 * arguments are validated.
 */
@Component
public class SecurityProcedures {

	/**
	 * Greet an administrator: john.doe (backend) is let in, joe (frontend) is refused
	 * with {@code wamp.error.not_authorized}.
	 * @return the greeting
	 */
	@WampProcedure(uri = "com.example.admin_only", discloseCaller = true)
	@PreAuthorize("hasRole('backend')")
	public String adminOnly() {
		return "hello admin " + SecurityContextHolder.getContext().getAuthentication().getName();
	}

	/**
	 * Take an order; invalid arguments answer {@code wamp.error.invalid_argument} with
	 * the violations in kwargs.
	 * @param item what is ordered, not blank
	 * @param quantity how many, 1 to 10
	 * @param note an optional note of at most 40 characters
	 * @return the order as text
	 */
	@WampProcedure("com.example.order")
	public String order(@NotBlank String item, @Min(1) @Max(10) int quantity,
			@Kwarg(value = "note", required = false) @Size(max = 40) String note) {
		return quantity + " x " + item + ((note != null) ? " (" + note + ")" : "");
	}

}
