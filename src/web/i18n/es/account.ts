import type { account as en } from '../en/account';

/** Mensajes en español de la página de seguridad de la cuenta. */
export const account: typeof en = {
  menu: 'Seguridad de la cuenta',
  security: {
    title: 'Seguridad de la cuenta',
    intro: 'Cambie su contraseña o su correo electrónico y cierre la sesión en otros dispositivos. Cada cambio pide primero su contraseña actual.',
    signedInAs: 'Inicia sesión como {{email}}.',
    currentPassword: 'Contraseña actual',
    currentPasswordHint: 'Para confirmar que es usted.',
    password: {
      title: 'Cambiar la contraseña',
      explain: 'Al cambiarla se cierran sus demás sesiones y se revocan todos sus tokens de API; este navegador sigue con la sesión iniciada. Le enviaremos un aviso por correo.',
      newPassword: 'Contraseña nueva',
      newPasswordHint: 'Al menos {{count}} caracteres. Una frase larga es más fácil de recordar; las contraseñas muy comunes no se aceptan.',
      confirm: 'Repita la contraseña nueva',
      mismatch: 'Las dos contraseñas nuevas no coinciden',
      submit: 'Cambiar la contraseña',
      done: 'Su contraseña ha cambiado. Se cerraron las demás sesiones y se revocaron sus tokens de API.',
    },
    email: {
      title: 'Cambiar el correo electrónico',
      explain: 'Enviamos un enlace a la dirección nueva; el cambio se hace solo cuando lo abre. También avisamos a su dirección actual.',
      newEmail: 'Correo electrónico nuevo',
      submit: 'Enviar el enlace de confirmación',
      sent: 'Enviamos un enlace a {{email}}. Su dirección cambia cuando lo abra (en 24 horas); hasta entonces, inicie sesión con {{current}}.',
    },
    sessions: {
      title: 'Otras sesiones',
      explain: '¿Inició sesión en un dispositivo compartido o perdido? Cierre todas las demás sesiones de su cuenta; este navegador sigue con la sesión iniciada. Las sesiones terminan solas tras 12 horas sin uso y, como máximo, a los 7 días.',
      submit: 'Cerrar las demás sesiones',
      confirmTitle: '¿Cerrar todas las demás sesiones?',
      confirmBody: 'Todos los demás navegadores y dispositivos con su cuenta tendrán que volver a iniciar sesión. Los tokens de API no cambian.',
      done_one: 'Se cerró {{count}} sesión más.',
      done_other: 'Se cerraron {{count}} sesiones más.',
      doneNone: 'No había otras sesiones abiertas.',
    },
    tokens: {
      title: 'Tokens de API',
      explain: 'Los scripts y los sistemas de los socios usan tokens personales; revíselos y revóquelos en su propia página.',
      link: 'Gestionar los tokens de API',
    },
  },
};
